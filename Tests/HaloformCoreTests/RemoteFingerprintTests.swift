import HaloformCore
import Testing

/// The fingerprint a saved plan is checked by: the same for the same content in any order, different for any change.
@Suite struct RemoteFingerprintTests {
    static let entries = (0..<50).map {
        CatalogEntry(id: "guid-\($0)", code: String(1_000 + $0), name: "Customer \($0)")
    }

    static func state(_ customers: [CatalogEntry]) -> RemoteState {
        RemoteState(catalogs: [CatalogKey(.exactOnline, "nl"): Catalog(customers: customers)])
    }

    @Test func aCatalogInAnotherOrderHasTheSameFingerprint() {
        #expect(Self.state(Self.entries).fingerprint == Self.state(Self.entries.reversed()).fingerprint)
        #expect(Self.state(Self.entries).fingerprint == Self.state(Self.entries.shuffled()).fingerprint)
    }

    @Test func everyChangeToACatalogChangesTheFingerprint() {
        let original = Self.state(Self.entries).fingerprint
        var renamed = Self.entries
        renamed[7].name = "Customer 7b"
        var recoded = Self.entries
        recoded[7].code = "9999"
        // The parts are kept apart: "ab" + "c" is not "a" + "bc".
        var shifted = Self.entries
        shifted[7] = CatalogEntry(id: "guid-", code: "71007", name: "Customer 7")
        let changed = [renamed, recoded, shifted, Array(Self.entries.dropLast()), Self.entries + [Self.entries[0]]]
        for catalog in changed {
            #expect(Self.state(catalog).fingerprint != original)
        }
        #expect(Set(changed.map { Self.state($0).fingerprint }).count == changed.count)
    }
}
