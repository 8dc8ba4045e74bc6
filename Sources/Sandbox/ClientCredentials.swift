import Foundation

/// The client id and secret of a token request, from the form body or from HTTP Basic authentication.
struct ClientCredentials: Sendable {
    /// The client id ("" when absent).
    let clientID: String
    /// The client secret ("" when absent).
    let clientSecret: String

    /// Reads them from a token request; Basic authentication wins over the form.
    init(request: SandboxRequest) {
        if let header = request.header("authorization"), header.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(header.dropFirst(6)).trimming(" ")),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        {
            clientID = FormCoding.percentDecode(String(text[..<colon]), plusIsSpace: true)
            clientSecret = FormCoding.percentDecode(String(text[text.index(after: colon)...]), plusIsSpace: true)
            return
        }
        let form = request.form
        clientID = form["client_id"] ?? ""
        clientSecret = form["client_secret"] ?? ""
    }

    /// The registered app these credentials authenticate, if they do.
    func app(in apps: [OAuthApp]) -> OAuthApp? {
        apps.first { $0.clientID == clientID && $0.clientSecret == clientSecret }
    }
}
