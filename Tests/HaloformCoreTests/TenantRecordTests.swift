import Foundation
import HaloformCore
import JSONText
import Testing

/// Tenant records keep their embedded mappings as typed links: nothing Halo sent is lost or changed on the way back,
/// and the digests are those of the JSON they stand for.
@Suite struct TenantRecordTests {
    /// A record as Halo might send it: ordinary links, a link whose known fields have other JSON types than Halo's
    /// document gives, fields haloform does not know, and a product-group list that is null.
    static let record: JSONObject = [
        "id": 4, "name": "nl", "isauthorized": true, "tokenexpiry": "2026-12-06T00:00:00Z", "division": 123456,
        "client_mappings": [
            [
                "id": 11, "table_id": 2, "halo_id": 7, "halo_desc": "Acme B.V.", "third_party_id": "9f1c-guid",
                "third_party_desc": "1001", "details_id": 4,
            ],
            [
                "id": 12, "halo_id": "8", "table_id": nil, "third_party_id": "77aa", "date_created": "2024-01-01",
                "primary": true,
            ],
            "not an entry",
        ],
        "item_group_mappings": nil,
    ]

    /// The record as `TenantRecord` gives it back: what it can hold, which is all but the entry that is no object.
    static var kept: JSONObject {
        var kept = record
        kept["client_mappings"] = .array(Array(record["client_mappings"]!.array!.prefix(2)))
        return kept
    }

    @Test func aRecordGoesBackAsItCame() throws {
        let tenant = TenantRecord(Self.record, of: .exactOnline)
        #expect(tenant.json == Self.kept)
        #expect(tenant.fields["client_mappings"] == nil, "the links are not kept twice")
        #expect(tenant.fields["item_group_mappings"] == .null, "a null list stays null")
        #expect(tenant.mappingCount == 2)
        #expect(tenant[.customerMappings] == Self.kept["client_mappings"])
    }

    @Test func readingTheBytesGivesTheSameRecordAsReadingTheTree() throws {
        let text = Array(JSONValue.object(Self.record).canonicalText.utf8)
        let read = try text.withUnsafeBytes { (bytes) throws(JSONReader.Failure) in
            var reader = JSONReader(bytes)
            return try TenantRecord(reading: &reader, of: .exactOnline)
        }
        #expect(read == TenantRecord(Self.record, of: .exactOnline))
        #expect(read.json == Self.kept)
    }

    @Test func linksReadTheirFieldsWhateverTheJSONType() throws {
        let links = TenantRecord(Self.record, of: .exactOnline).links(.customer)
        #expect(links.map(\.id) == [11, 12])
        #expect(links.map(\.haloID) == [7, 8], "a numeric string reads as a number, as JSONValue.int reads it")
        #expect(links.map(\.thirdPartyDescription) == ["1001", nil])
        #expect(links[1].tableID == nil)
        var moved = links[1]
        moved.haloID = 9
        moved.thirdPartyDescription = "2002"
        #expect(moved.fields["halo_id"] == 9 && moved.fields["third_party_desc"] == "2002")
        #expect(moved.fields["date_created"] == "2024-01-01" && moved.fields["table_id"] == .null)
        moved.tableID = nil
        #expect(moved.fields["table_id"] == nil)
        #expect(ExternalLink(moved.fields) == moved)
    }

    @Test func digestsAreThoseOfTheJSON() throws {
        let tenant = TenantRecord(Self.record, of: .exactOnline)
        #expect(tenant.stableDigest() == JSONValue.object(Self.kept).stableDigest)
        let connection: Set<String> = ["isauthorized", "tokenexpiry"]
        #expect(
            tenant.stableDigest(leavingOut: connection)
                == JSONValue.object(Self.kept.filter { !connection.contains($0.key) }).stableDigest)
        for link in tenant.links(.customer) { #expect(link.stableDigest == link.json.stableDigest) }
        var changed = Self.record
        changed["client_mappings"] = .array([Self.kept["client_mappings"]!.array![0]])
        #expect(TenantRecord(changed, of: .exactOnline).stableDigest() != tenant.stableDigest())
    }

    @Test func aStateKeepsTenantsApartAndGivesThemBackByCollection() throws {
        var state = RemoteState(records: [.exactDetails: [Self.record], .tax: [["id": 1, "name": "VAT"]]])
        #expect(state.tenants(.exactOnline).map(\.name) == ["nl"])
        #expect(state.records[.exactDetails] == nil && state.records[.tax]?.count == 1)
        #expect(state[.exactDetails] == [Self.kept])
        #expect(Set(state.collections) == [.exactDetails, .tax])
        let before = state.fingerprint
        state[.exactDetails][0]["isauthorized"] = false
        #expect(state.fingerprint == before, "the connection is not part of the fingerprint")
        state[.exactDetails][0]["division"] = 654321
        #expect(state.fingerprint != before)
    }

    @Test func anOperationKeepsATenantsMappingsAsLinksAndGivesTheBodyBackWhole() throws {
        let upsert = Operation(kind: .upsert, collection: .exactDetails, recordID: 4, body: Self.record, addresses: [])
        #expect(upsert.record.linkCount == 2 && upsert.record.fields["client_mappings"] == nil)
        #expect(upsert.body == Self.kept)
        let decoded = try JSONDecoder().decode(
            Operation.self,
            from: Data(
                JSONValue.object([
                    "kind": "upsert", "collection": "ExactDetails", "record_id": 4, "body": .object(Self.record),
                    "secrets": [:], "deferred_ids": [:], "addresses": [],
                ]).canonicalText.utf8))
        #expect(decoded == upsert)
        let control = Operation(kind: .upsert, collection: .control, recordID: nil, body: Self.record, addresses: [])
        #expect(control.record.linkCount == 0, "only a tenant record's lists are links")
        #expect(control.body == Self.record)
    }
}
