import HaloformCore

/// A list answer decoded only as far as ids and names: a bare array, or `{record_count, <plural>: [...]}`.
struct NamedRecordList: Decodable {
    /// The decoder's user-info key naming the envelope's list key, when the collection is paged.
    static let listKey = CodingUserInfoKey(rawValue: "haloform.listKey")!

    let recordCount: Int?
    let records: [NamedRecord]

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var records: [NamedRecord] = []
            while !array.isAtEnd { records.append(try array.decode(Wire.self).record) }
            self.recordCount = nil
            self.records = records
            return
        }
        let object = try decoder.container(keyedBy: AnyKey.self)
        recordCount = try object.decodeIfPresent(Int.self, forKey: AnyKey("record_count"))
        if let key = decoder.userInfo[Self.listKey] as? String {
            records = try object.decodeIfPresent([Wire].self, forKey: AnyKey(key))?.map(\.record) ?? []
            return
        }
        var found: [NamedRecord] = []
        for key in object.allKeys where key.stringValue != "record_count" {
            if let list = try? object.decode([Wire].self, forKey: key) { found = list.map(\.record) }
        }
        records = found
    }

    /// One record's id and name; an absent name reads as "".
    private struct Wire: Decodable {
        let record: NamedRecord

        enum CodingKeys: String, CodingKey {
            case id, name
        }

        init(from decoder: any Decoder) throws {
            let object = try decoder.container(keyedBy: CodingKeys.self)
            let id: Int
            if let number = try? object.decode(Int.self, forKey: .id) {
                id = number
            } else if let text = try? object.decode(String.self, forKey: .id), let number = Int(text) {
                id = number
            } else {
                throw DecodingError.dataCorruptedError(forKey: .id, in: object, debugDescription: "no integer id")
            }
            record = NamedRecord(id: id, name: (try? object.decodeIfPresent(String.self, forKey: .name)) ?? "")
        }
    }

    /// Any JSON object key.
    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
