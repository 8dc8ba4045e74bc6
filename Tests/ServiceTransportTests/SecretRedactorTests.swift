import Sandbox
import ServiceTransport
import Testing

@Suite("SecretRedactor: secrets masked, error codes kept")
struct SecretRedactorTests {
    @Test("an authorization code in a token request or a redirect is masked, though never registered")
    func authorizationCodesMasked() {
        let redactor = SecretRedactor()
        let form = "grant_type=authorization_code&code=stolen-code-4711&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765"
        #expect(
            redactor.scrub(form)
                == "grant_type=authorization_code&code=[redacted]&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765")
        let redirect = "GET http://127.0.0.1:8765/callback?code=stolen-code-4711&state=s1"
        #expect(redactor.scrub(redirect) == "GET http://127.0.0.1:8765/callback?code=[redacted]&state=s1")
        let first = "code=stolen-code-4711&state=s1"
        #expect(redactor.scrub(first) == "code=[redacted]&state=s1")
    }

    @Test("tokens, secrets and passwords are masked in JSON, forms and Authorization headers")
    func tokensAndSecretsMasked() {
        let redactor = SecretRedactor()
        let json =
            #"{"access_token":"eyJ.abc.def","refresh_token": "r-123456","token_type":"bearer","client_secret":"s3cret!"}"#
        #expect(
            redactor.scrub(json)
                == #"{"access_token":"[redacted]","refresh_token": "[redacted]","token_type":"bearer","client_secret":"[redacted]"}"#
        )
        #expect(
            redactor.scrub("grant_type=password&password=hunter22&refresh_token=r-1")
                == "grant_type=password&password=[redacted]&refresh_token=[redacted]")
        #expect(redactor.scrub("Authorization: Bearer eyJ.abc.def") == "Authorization: Bearer [redacted]")
    }

    @Test("a registered authorization code is masked wherever it appears, even as a JSON value")
    func registeredCodeMaskedEverywhere() {
        let redactor = SecretRedactor()
        redactor.register("stolen-code-4711")
        #expect(redactor.scrub(#"{"echo":"stolen-code-4711"}"#) == #"{"echo":"[redacted]"}"#)
    }

    @Test("error codes of Exact, Business Central and OAuth, and Halo's tax codes, stay readable")
    func errorCodesKept() {
        let redactor = SecretRedactor()
        let businessCentral =
            #"{"error":{"code":"Internal_CompanyNotFound","message":"The company 'x' does not exist."}}"#
        #expect(redactor.scrub(businessCentral) == businessCentral)
        let exact = #"{"error":{"code":"ERR_NOT_FOUND","message":{"lang":"","value":"Not found"}}}"#
        #expect(redactor.scrub(exact) == exact)
        let oauth = #"{"error":"invalid_grant","error_description":"The refresh token is no longer valid"}"#
        #expect(redactor.scrub(oauth) == oauth)
        let taxRate = #"[{"id":1,"name":"Standard","code":"VAT20","value":20}]"#
        #expect(redactor.scrub(taxRate) == taxRate)
        #expect(redactor.scrub("error_code=E42&zip_code=1012AB") == "error_code=E42&zip_code=1012AB")
    }

    @Test("Business Central's error code reaches the error a real request raises")
    func errorCodeInServiceError() async throws {
        let server = try await SandboxServer.start(SandboxOptions())
        let service = HTTPService(HTTPServiceConfiguration(name: "Business Central", retry: .none))
        do {
            _ = try await service.send(.get(server.businessCentralURL + "/v2.0/nowhere")).requireSuccess()
            Issue.record("a path the emulator does not serve was answered with success")
        } catch {
            #expect(error.status == 404)
            #expect(error.bodyExcerpt?.contains(#""code":"BadRequest_NotFound""#) == true)
            #expect(!error.description.contains(SecretRedactor.mask))
        }
        await server.stop()
    }
}
