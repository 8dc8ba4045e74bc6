import Foundation

/// Everything the sandbox holds: the records of all four systems, their registered apps and the tokens issued.
/// It is a value, so a snapshot for saving costs nothing until the next change.
struct SandboxState: Sendable {
    /// The Halo instance.
    var halo: HaloState
    /// Exact Online: divisions and their entity sets.
    var exactOnline: CatalogState
    /// Business Central: companies (with their environment) and their entity sets.
    var businessCentral: CatalogState
    /// Sage: businesses and their entity sets.
    var sage: CatalogState
    /// Every token issued by every system, so that rotation survives restarts.
    var tokens: TokenLedger

    /// The name of the file format, checked on load.
    static let format = "haloform-sandbox/1"

    /// The JSON document of the state file.
    var json: JSON {
        .object([
            ("format", .string(Self.format)),
            ("halo", halo.json),
            (SandboxSystem.exactOnline.rawValue, exactOnline.json),
            (SandboxSystem.businessCentral.rawValue, businessCentral.json),
            (SandboxSystem.sage.rawValue, sage.json),
            ("tokens", tokens.json),
        ])
    }

    /// Reads the state file's document.
    init(json: JSON) throws(SandboxStateError) {
        guard json["format"]?.stringValue == Self.format else {
            throw SandboxStateError(message: "not a sandbox state file (format is not \(Self.format))")
        }
        halo = try HaloState(json: json["halo"] ?? .null)
        exactOnline = try CatalogState(json: json[SandboxSystem.exactOnline.rawValue] ?? .null)
        businessCentral = try CatalogState(json: json[SandboxSystem.businessCentral.rawValue] ?? .null)
        sage = try CatalogState(json: json[SandboxSystem.sage.rawValue] ?? .null)
        tokens = TokenLedger(json: json["tokens"] ?? .null)
    }

    /// A state from its parts.
    init(halo: HaloState, exactOnline: CatalogState, businessCentral: CatalogState, sage: CatalogState) {
        self.halo = halo
        self.exactOnline = exactOnline
        self.businessCentral = businessCentral
        self.sage = sage
        tokens = TokenLedger()
    }
}

/// A state file that could not be read.
public struct SandboxStateError: Error, CustomStringConvertible {
    /// What was wrong.
    public let message: String
    public var description: String { message }
}

/// An API app registered in one emulated system.
struct OAuthApp: Sendable, Equatable {
    /// The client id.
    var clientID: String
    /// The client secret.
    var clientSecret: String
    /// The redirect URI the authorization-code flow must use.
    var redirectURI: String
    /// A display name.
    var name: String

    /// Whether a request's redirect URI is the registered one. A loopback redirect may name any port, as RFC 8252
    /// (section 7.3) asks of servers for native apps, so parallel logins on one machine need not share one port.
    func accepts(redirectURI uri: String) -> Bool {
        guard uri != redirectURI else { return true }
        guard let asked = URLComponents(string: uri), let registered = URLComponents(string: redirectURI),
            ["localhost", "127.0.0.1", "::1", "[::1]"].contains(asked.host ?? ""), asked.host == registered.host
        else { return false }
        return asked.scheme == registered.scheme && asked.path == registered.path && asked.query == registered.query
    }

    /// The app of a demo credential.
    init(_ app: SandboxCredentials.App, name: String) {
        clientID = app.clientID
        clientSecret = app.clientSecret
        redirectURI = app.redirectURI
        self.name = name
    }

    var json: JSON {
        .object([
            ("client_id", .string(clientID)), ("client_secret", .string(clientSecret)),
            ("redirect_uri", .string(redirectURI)), ("name", .string(name)),
        ])
    }

    init(json: JSON) {
        clientID = json["client_id"]?.stringValue ?? ""
        clientSecret = json["client_secret"]?.stringValue ?? ""
        redirectURI = json["redirect_uri"]?.stringValue ?? ""
        name = json["name"]?.stringValue ?? ""
    }
}

/// One Halo collection: records sorted by id, and the id the next insert gets.
struct HaloTable: Sendable {
    /// The records, in ascending id order.
    var records: [JSONObject] = []
    /// The next id to assign.
    var nextID = 1

    /// The position of the record with this id.
    func index(of id: Int) -> Int? {
        var low = 0
        var high = records.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let middleID = records[middle].recordID
            if middleID == id { return middle }
            if middleID < id { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// The record with this id.
    func record(_ id: Int) -> JSONObject? {
        index(of: id).map { records[$0] }
    }

    /// Appends a record with a fresh id placed first, and returns it.
    mutating func insert(_ fields: JSONObject) -> JSONObject {
        var record = JSONObject([("id", .int(nextID))])
        for member in fields.members where member.key != "id" { record.members.append(member) }
        nextID += 1
        records.append(record)
        return record
    }

    /// Claims the next id without storing a record (for embedded mappings).
    mutating func claimID() -> Int {
        defer { nextID += 1 }
        return nextID
    }
}

extension JSONObject {
    /// The `id` member as an integer (0 when absent); Halo records keep it first, so this is quick.
    var recordID: Int {
        if let first = members.first, first.key == "id" { return first.value.intValue ?? 0 }
        return self["id"]?.intValue ?? 0
    }
}

/// The Halo instance: its collections, the Control singleton, its apps.
struct HaloState: Sendable {
    /// The tenant name of `/api/authinfo`.
    var tenant: String
    /// The registered API apps.
    var apps: [OAuthApp]
    /// The Control singleton.
    var control: JSONObject
    /// The collections by canonical name ("Client", "ExactDetails", …).
    var tables: [String: HaloTable]

    var json: JSON {
        .object([
            ("tenant", .string(tenant)),
            ("apps", .array(apps.map(\.json))),
            ("control", .object(control)),
            (
                "tables",
                .object(
                    JSONObject(
                        tables.keys.sorted().map { name in
                            let table = tables[name]!
                            return (
                                name,
                                JSON.object([
                                    ("next_id", .int(table.nextID)),
                                    ("records", .array(table.records.map(JSON.object))),
                                ])
                            )
                        }))
            ),
        ])
    }

    init(tenant: String, apps: [OAuthApp], control: JSONObject, tables: [String: HaloTable]) {
        self.tenant = tenant
        self.apps = apps
        self.control = control
        self.tables = tables
    }

    init(json: JSON) throws(SandboxStateError) {
        guard let object = json.objectValue else {
            throw SandboxStateError(message: "the state file has no halo section")
        }
        tenant = object["tenant"]?.stringValue ?? SandboxCredentials.haloTenant
        apps = (object["apps"]?.arrayValue ?? []).map(OAuthApp.init(json:))
        control = object["control"]?.objectValue ?? JSONObject()
        tables = [:]
        for member in object["tables"]?.objectValue?.members ?? [] {
            var table = HaloTable()
            table.records = (member.value["records"]?.arrayValue ?? []).compactMap(\.objectValue)
                .sorted { $0.recordID < $1.recordID }
            table.nextID = max(member.value["next_id"]?.intValue ?? 1, (table.records.last?.recordID ?? 0) + 1)
            tables[member.key] = table
        }
    }
}

/// An accounting system: its apps, its tenants (divisions, companies or businesses) and their entity sets.
struct CatalogState: Sendable {
    /// The registered API apps.
    var apps: [OAuthApp]
    /// System-wide settings (Business Central's AAD tenant, for one).
    var settings: JSONObject
    /// The tenants: Exact divisions, Business Central companies, Sage businesses.
    var tenants: [JSONObject]
    /// Entity sets by tenant key, then by lower-cased set name.
    var entities: [String: [String: [JSONObject]]]

    var json: JSON {
        .object([
            ("apps", .array(apps.map(\.json))),
            ("settings", .object(settings)),
            ("tenants", .array(tenants.map(JSON.object))),
            (
                "entities",
                .object(
                    JSONObject(
                        entities.keys.sorted().map { tenant in
                            let sets = entities[tenant]!
                            return (
                                tenant,
                                JSON.object(
                                    JSONObject(sets.keys.sorted().map { ($0, JSON.array(sets[$0]!.map(JSON.object))) }))
                            )
                        }))
            ),
        ])
    }

    init(apps: [OAuthApp], settings: JSONObject, tenants: [JSONObject], entities: [String: [String: [JSONObject]]]) {
        self.apps = apps
        self.settings = settings
        self.tenants = tenants
        self.entities = entities
    }

    init(json: JSON) throws(SandboxStateError) {
        guard let object = json.objectValue else {
            throw SandboxStateError(message: "the state file lacks a system section")
        }
        apps = (object["apps"]?.arrayValue ?? []).map(OAuthApp.init(json:))
        settings = object["settings"]?.objectValue ?? JSONObject()
        tenants = (object["tenants"]?.arrayValue ?? []).compactMap(\.objectValue)
        entities = [:]
        for tenant in object["entities"]?.objectValue?.members ?? [] {
            var sets: [String: [JSONObject]] = [:]
            for set in tenant.value.objectValue?.members ?? [] {
                sets[set.key] = (set.value.arrayValue ?? []).compactMap(\.objectValue)
            }
            entities[tenant.key] = sets
        }
    }

    /// The app with this client id.
    func app(_ clientID: String) -> OAuthApp? {
        apps.first { $0.clientID == clientID }
    }
}
