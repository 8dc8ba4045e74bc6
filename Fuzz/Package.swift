// swift-tools-version:6.1
import PackageDescription

/// A libFuzzer target for haloform's YAML front end and config loader, kept out of the main package so `swift build`
/// and `swift test` there never need the fuzzer runtime. Build and run it as docs/fuzzing.md says.
let package = Package(
    name: "haloform-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "haloform", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "ConfigFuzzer",
            dependencies: [
                .product(name: "YAMLSyntax", package: "haloform"),
                .product(name: "HaloformCore", package: "haloform"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ]
        )
    ]
)
