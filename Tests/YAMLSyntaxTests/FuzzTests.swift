import Testing
import YAMLSyntax

/// Thousands of corrupted configs: each reads or throws an error located inside the file, never a crash or hang.
@Suite struct FuzzTests {
    /// A realistic config, with every construct the mutations can break.
    static let seedConfig = Array(
        """
        # yaml-language-server: $schema=../schemas/haloform.schema.json
        halo:
          url: https://acme.halopsa.com
          client_id: ${env:HALO_CLIENT_ID}
          client_secret: ${env:HALO_CLIENT_SECRET}
          tenant: acme

        defaults: &sync
          entities: [customers, products, invoices]
          show_success_message: true

        exact_online:
          enabled: true
          default_tenant: exact-nl
          default_invoice_status: open
          tenants:
            - name: exact-nl
              location: nl
              division: 123456
              client_id: ${env:EXACT_CLIENT_ID}
              client_secret: '${env:EXACT_CLIENT_SECRET}'
              tax_rates:
                import_daily: true
                mappings:
                  - { halo: "BTW hoog 21%", exact: "2" }
                  - { halo: 'BTW laag 9%', exact: "1" }
              customers:
                top_level: Customers NL
                prune: false
                mappings:
                  - { halo: Acme BV, exact: "1001" }
                  - { halo: Café Zuid, exact: "1002" }
                  - halo: Beta "quoted" BV
                    exact: !!str 1003
              products:
                default_group: Services
                group_mappings: [{ exact: "100", halo: Hardware }]
              notes: |
                imported from the web UI
                  on 2026-11-01
              summary: >
                folded text
                over two lines
              sync:
                <<: *sync
                show_success_message: false

        """.utf8)

    /// The characters YAML gives meaning to, most likely to break structure when inserted.
    static let structural = Array("[{:-&*!|>'\"\t\n]},#?%@`".utf8)

    // A guard against a hang, not a speed check: a ThreadSanitizer build on a busy machine needs minutes.
    @Test(.timeLimit(.minutes(15)))
    func mutatedConfigsReadOrThrowALocatedError() {
        var random = SplitMix64(seed: 0x4841_4C4F_464F_524D)
        var inputs = 0
        var failures: [String] = []

        // Every truncation, so each construct is cut at each of its bytes.
        for length in 0...Self.seedConfig.count {
            failures += Self.check(Array(Self.seedConfig.prefix(length)))
            inputs += 1
        }
        while inputs < 20_000 {
            failures += Self.check(Self.mutate(Self.seedConfig, using: &random))
            inputs += 1
        }
        let broken = failures.count
        #expect(broken == 0, "\(inputs) inputs, first failures:\n\(failures.prefix(5).joined(separator: "\n"))")
    }

    /// The seed config with one to eight random mutations, or now and then nothing but random bytes.
    static func mutate(_ original: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        if Int.random(in: 0..<50, using: &random) == 0 {
            return (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        }
        var bytes = original
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            let position = Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where position < bytes.count:
                bytes[position] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
            case 1:
                bytes.insert(structural.randomElement(using: &random)!, at: position)
            case 2 where position < bytes.count:
                bytes[position] = structural.randomElement(using: &random)!
            case 3:
                let count = Int.random(in: 1...4, using: &random)
                bytes.insert(
                    contentsOf: (0..<count).map { _ in UInt8.random(in: 0x80...0xFF, using: &random) }, at: position)
            case 4 where position < bytes.count:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...16, using: &random)))
            case 5:
                bytes = Array(bytes.prefix(position))
            default:
                bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
            }
        }
        return bytes
    }

    /// What is wrong with how `bytes` was read: nothing, or one line per range outside the file.
    static func check(_ bytes: [UInt8]) -> [String] {
        let lines = LineLengths(bytes)
        var problems: [String] = []
        func check(_ range: SourceRange, _ what: String) {
            for location in [range.start, range.end] where !lines.contains(location) {
                problems.append(
                    "\(what) at \(location) outside \(lines.count) lines in \(String(decoding: bytes, as: UTF8.self).debugDescription)"
                )
            }
            if range.end < range.start { problems.append("\(what) ends before it starts at \(range.span)") }
        }
        do {
            guard let root = try YAMLReader.read(bytes, file: "fuzz.yaml") else { return [] }
            var stack = [root]
            while let node = stack.popLast() {
                check(node.range, "node")
                switch node.content {
                case .scalar: break
                case .sequence(let items): stack += items
                case .mapping(let pairs): stack += pairs.flatMap { [$0.key, $0.value] }
                }
            }
        } catch {
            check(error.range, "error '\(error.message)'")
            for note in error.notes { check(note.range, "note '\(note.message)'") }
            for message in [error.message] + error.notes.map(\.message) where !isHouseStyle(message) {
                problems.append("message '\(message)' is empty, capitalised or ends in a period")
            }
        }
        return problems
    }

    /// Whether `message` reads as our messages do: lowercase first, no final period.
    static func isHouseStyle(_ message: String) -> Bool {
        guard let first = message.first else { return false }
        return !first.isUppercase && !message.hasSuffix(".")
    }
}
