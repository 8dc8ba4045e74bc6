import JSONText

/// The fields haloform touches on one kind of Halo record: one enum per record, its raw values the field names.
/// The contract test walks every case against Halo's published API document.
public protocol HaloRecordField: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// The record's schema in Halo's document (`Area` for customers, `Generic` for product groups).
    static var schema: String { get }
    /// The path whose POST body is an array of this record (`/Client`), or nil for a record only found embedded.
    static var endpoint: String? { get }
    /// The JSON type Halo gives the field.
    var type: HaloFieldType { get }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// A record's field, by its typed name.
    subscript<Field: HaloRecordField>(field: Field) -> JSONValue? {
        get { self[field.rawValue] }
        set { self[field.rawValue] = newValue }
    }
}

extension HaloRecordField {
    /// Every field of the record, by name and type.
    public static var fieldTable: [(name: String, type: HaloFieldType)] {
        allCases.map { ($0.rawValue, $0.type) }
    }
}
