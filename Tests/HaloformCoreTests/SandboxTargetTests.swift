import HaloformCore
import Testing

@Suite("sandbox: URLs")
struct SandboxTargetTests {
    @Test("a path is a state file, any spelling of http a running sandbox, anything else no sandbox")
    func parsing() {
        #expect(SandboxTarget(url: "sandbox:.haloform/sandbox.json") == .stateFile(".haloform/sandbox.json"))
        #expect(SandboxTarget(url: "sandbox:/tmp/state.json") == .stateFile("/tmp/state.json"))
        #expect(SandboxTarget(url: "sandbox:http://127.0.0.1:8400") == .running("http://127.0.0.1:8400"))
        #expect(SandboxTarget(url: "sandbox:HTTP://127.0.0.1:8400") == .running("HTTP://127.0.0.1:8400"))
        #expect(SandboxTarget(url: "sandbox:") == .stateFile(""))
        #expect(SandboxTarget(url: "https://acme.halopsa.com") == nil)
    }
}
