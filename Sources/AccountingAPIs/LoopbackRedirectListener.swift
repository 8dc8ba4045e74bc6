import Foundation
import HaloformCore
import ServiceTransport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Listens on a loopback port for the one browser redirect an authorization-code login ends with, answers it with a
/// short page, and hands back the redirect's URL.
public final class LoopbackRedirectListener: Sendable {
    /// The port listened on.
    public let port: Int
    private let socketDescriptor: Int32

    /// Starts listening on 127.0.0.1:`port`.
    public init(port: Int) throws(ServiceError) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Self.failure("cannot open a socket") }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else {
            close(descriptor)
            throw Self.failure("cannot listen on 127.0.0.1:\(port) for the login redirect (is another login running?)")
        }
        self.port = port
        socketDescriptor = descriptor
    }

    deinit {
        close(socketDescriptor)
    }

    private static func failure(_ message: String) -> ServiceError {
        ServiceError(.configuration, service: "login", message: message)
    }

    /// Waits (at most `timeout`) for a request to `path` and returns its URL; other requests (a browser's
    /// favicon) are answered 404 and waiting goes on.
    public func waitForRedirect(path: String, timeout: Duration) async throws(ServiceError) -> String {
        guard let url = await redirect(path: path, timeout: timeout) else {
            throw Self.failure("no login redirect arrived within \(timeout.components.seconds) s")
        }
        return url
    }

    /// The redirect's URL, or nil when none came within `timeout`.
    func redirect(path: String, timeout: Duration) async -> String? {
        let descriptor = socketDescriptor
        let port = port
        let seconds = timeout.inSeconds
        let target: String? = await withCheckedContinuation { continuation in
            // accept() blocks, so it runs on its own thread rather than on the cooperative pool.
            Thread.detachNewThread {
                continuation.resume(returning: Self.accept(on: descriptor, path: path, seconds: seconds))
            }
        }
        return target.map { "http://localhost:\(port)\($0)" }
    }

    private static func accept(on descriptor: Int32, path: String, seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 250) > 0 else { continue }
            let connection = Glibc.accept(descriptor, nil, nil)
            guard connection >= 0 else { continue }
            defer { close(connection) }
            guard let target = readTarget(connection) else { continue }
            let targetPath = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
            if targetPath == path {
                respond(
                    connection, status: "200 OK", text: "haloform: the login is complete; you can close this window.")
                return target
            }
            respond(connection, status: "404 Not Found", text: "not found")
        }
        return nil
    }

    /// The request target of an HTTP request's first line.
    private static func readTarget(_ connection: Int32) -> String? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.count < 65_536 {
            var poller = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 5000) > 0 else { return nil }
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { break }
            data += buffer[0..<count]
            if data.count >= 4, data.suffix(4) == [13, 10, 13, 10] { break }
        }
        let head = String(decoding: data, as: UTF8.self)
        let parts = head.split(separator: "\r\n", maxSplits: 1).first?.split(separator: " ") ?? []
        return parts.count >= 2 ? String(parts[1]) : nil
    }

    private static func respond(_ connection: Int32, status: String, text: String) {
        let body = Array(text.utf8)
        let head =
            "HTTP/1.1 \(status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.count)\r\n"
            + "Connection: close\r\n\r\n"
        let bytes = Array(head.utf8) + body
        _ = bytes.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
    }
}
