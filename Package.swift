// swift-tools-version:6.1
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode with its strict concurrency.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "haloform",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "haloform", targets: ["haloform"]),
        // For the libFuzzer package in Fuzz/, which depends on this one by path.
        .library(name: "YAMLSyntax", targets: ["YAMLSyntax"]),
        .library(name: "HaloformCore", targets: ["HaloformCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAMLSyntax", dependencies: ["CLibYAML"], swiftSettings: strictSettings),
        // JSON values, the one reader and the one writer the clients and the core share; no Halo in it.
        .target(name: "JSONText", swiftSettings: strictSettings),
        .target(
            name: "HaloformCore",
            dependencies: [
                "YAMLSyntax", "JSONText", .product(name: "Crypto", package: "swift-crypto"),
                // The HTML plan report's elements.
                .product(name: "Plot", package: "Plot"),
            ],
            swiftSettings: strictSettings
        ),
        // The HTTP discipline every client shares: retries, budgets, the TLS rule, redaction, tokens; no Halo in it.
        .target(
            name: "ServiceTransport",
            dependencies: [
                "JSONText",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HaloAPI",
            dependencies: [
                "HaloformCore", "JSONText", "ServiceTransport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "AccountingAPIs",
            dependencies: [
                // HaloAPI for RemoteStateFetcher only, which reads Halo and the accounting systems in one go.
                "HaloformCore", "JSONText", "ServiceTransport", "HaloAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Sandbox",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "haloform",
            dependencies: [
                "YAMLSyntax", "HaloformCore", "ServiceTransport", "HaloAPI", "AccountingAPIs", "Sandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "haloform-bench",
            dependencies: [
                "YAMLSyntax", "JSONText", "HaloformCore", "CLibYAML", "ServiceTransport", "HaloAPI", "AccountingAPIs",
                "Sandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Benchmarks/haloform-bench",
            swiftSettings: strictSettings
        ),
        // Runs the binary and third-party clients as children; waits in waitpid, which ThreadSanitizer does not stall.
        .target(name: "ChildProcesses", path: "Tests/ChildProcesses", swiftSettings: strictSettings),
        // Reads Tests/Fixtures/json-cases.json, the table both JSON readers (JSONText's and the sandbox's) must pass.
        .target(name: "JSONCases", path: "Tests/JSONCases", swiftSettings: strictSettings),
        .testTarget(name: "YAMLSyntaxTests", dependencies: ["YAMLSyntax"], swiftSettings: strictSettings),
        .testTarget(name: "JSONTextTests", dependencies: ["JSONText", "JSONCases"], swiftSettings: strictSettings),
        .testTarget(
            name: "HaloformCoreTests", dependencies: ["HaloformCore", "JSONText", "YAMLSyntax"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ServiceTransportTests",
            dependencies: ["ServiceTransport", "Sandbox"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HaloAPITests",
            dependencies: ["HaloAPI", "ServiceTransport", "JSONText", "Sandbox", "HaloformCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AccountingAPIsTests",
            dependencies: ["AccountingAPIs", "ServiceTransport", "JSONText", "Sandbox", "HaloformCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SandboxTests",
            dependencies: [
                // JSONText only to state the shared JSON table's expected values; the Sandbox target never links it.
                "Sandbox", "ChildProcesses", "JSONCases", "JSONText",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            exclude: ["exactonline_client.py", "bccli_client.py"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "haloformTests",
            dependencies: [
                // HaloformCore to render a 100,000-change plan in process for the browser test of the HTML report.
                "haloform", "Sandbox", "ChildProcesses", "HaloformCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
