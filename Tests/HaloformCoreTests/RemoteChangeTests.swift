import HaloformCore
import JSONText
import Testing

/// What changed between the snapshot a plan was saved with and now, record by record.
@Suite struct RemoteChangeTests {
    static func remote(
        mappingCode: String = "1001", taxName: String = "BTW hoog", client: String = "Acme BV", extraTax: Bool = false,
        catalogName: String = "Acme"
    ) -> RemoteState {
        var taxes: [JSONObject] = [["id": 1, "name": .string(taxName), "value": 21]]
        if extraTax { taxes.append(["id": 2, "name": "BTW laag", "value": 9]) }
        return RemoteState(
            records: [
                .exactDetails: [
                    [
                        "id": 5, "name": "nl", "new_client_secret": "s3cret", "showmessage": true,
                        "client_mappings": [
                            ["id": 7, "halo_id": 1, "third_party_id": .string(mappingCode)],
                            ["id": 8, "halo_id": 2, "third_party_id": "1002"],
                        ],
                    ]
                ],
                .tax: taxes,
            ],
            control: ["exactdefaultdivision": 100],
            clients: [NamedRecord(id: 1, name: client)],
            catalogs: [
                CatalogKey(.exactOnline, "nl"): Catalog(customers: [
                    CatalogEntry(id: "g1", code: "1001", name: catalogName)
                ])
            ])
    }

    static let plan = Plan(
        remoteFingerprint: "", changes: [],
        operations: [
            Operation(kind: .upsert, collection: .exactDetails, recordID: 5, addresses: ["exact_online.tenant[\"nl\"]"])
        ],
        warnings: [], drift: [])

    @Test func unchangedSnapshotsGiveNothing() {
        #expect(
            RemoteChange.changes(
                from: RemoteSnapshot(Self.remote()), to: RemoteSnapshot(Self.remote()), plan: Self.plan
            ).isEmpty)
    }

    @Test func eachKindOfChangeIsNamedWithItsFields() {
        let old = RemoteSnapshot(Self.remote())
        let new = RemoteSnapshot(
            Self.remote(
                mappingCode: "1009", taxName: "BTW 21", client: "Acme B.V.", extraTax: true, catalogName: "Acme Corp"))
        let changes = RemoteChange.changes(from: old, to: new, plan: Self.plan)
        #expect(
            changes == [
                RemoteChange(
                    collection: "ExactDetails", id: 5, name: "nl", kind: .changed,
                    fields: [FieldChange("client_mappings[id=7].third_party_id", old: "\"1001\"", new: "\"1009\"")],
                    touchedBy: ["exact_online.tenant[\"nl\"]"]),
                RemoteChange(
                    collection: "Tax", id: 1, name: "BTW 21", kind: .changed,
                    fields: [FieldChange("name", old: "\"BTW hoog\"", new: "\"BTW 21\"")]),
                RemoteChange(collection: "Tax", id: 2, name: "BTW laag", kind: .added),
                RemoteChange(
                    collection: "Client", id: 1, name: "Acme B.V.", kind: .changed,
                    fields: [FieldChange("name", old: "Acme BV", new: "Acme B.V.")]),
                RemoteChange(collection: "catalog", id: nil, name: "exact_online.tenant[\"nl\"]", kind: .changed),
            ])
    }

    @Test func snapshotsHoldNoWriteOnlySecret() {
        let snapshot = RemoteSnapshot(Self.remote())
        #expect(snapshot.records["ExactDetails"]?.first?["new_client_secret"] == nil)
        #expect(snapshot.records["ExactDetails"]?.first?["showmessage"] == true)
    }

    @Test func reportPutsTouchedRecordsFirst() {
        let changes = [
            RemoteChange(collection: "Tax", id: 2, name: "BTW laag", kind: .removed),
            RemoteChange(
                collection: "ExactDetails", id: 5, name: "nl", kind: .changed,
                fields: [FieldChange("showmessage", old: "true", new: "false")],
                touchedBy: ["exact_online.tenant[\"nl\"]"]),
        ]
        #expect(
            StalePlanRenderer().render(changes) == """
                Halo changed since the plan was made: 2 records, 1 touched by the plan.
                  ~ ExactDetails 5 "nl" changed: the plan changes exact_online.tenant["nl"]
                      showmessage: true → false
                  - Tax 2 "BTW laag" removed: not in the plan

                """)
    }
}
