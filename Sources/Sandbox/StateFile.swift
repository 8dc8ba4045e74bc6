#if canImport(Glibc)
    import Glibc

    private let systemRead = Glibc.read
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin

    private let systemRead = Darwin.read
    private let systemWrite = Darwin.write
#endif

/// The state file on disk: read whole, written atomically (a temporary file in the same folder, fsync, rename),
/// so a sandbox killed at any moment leaves either the old or the new document, never half of one.
struct StateFile: Sendable {
    /// The file's path.
    let path: String

    /// Whether the file exists.
    var exists: Bool {
        access(path, F_OK) == 0
    }

    /// Reads and parses the file.
    func load() throws(SandboxStateError) -> SandboxState {
        let bytes = try read()
        do {
            return try SandboxState(json: try JSONParser.parse(bytes))
        } catch let failure as JSONParser.Failure {
            throw SandboxStateError(message: "\(path): \(failure)")
        } catch let error as SandboxStateError {
            throw SandboxStateError(message: "\(path): \(error.message)")
        } catch {
            throw SandboxStateError(message: "\(path): \(error)")
        }
    }

    /// The file's bytes.
    func read() throws(SandboxStateError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw SandboxStateError(message: "cannot open \(path): \(errorText())") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SandboxStateError(message: "cannot read \(path): \(errorText())")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// Writes a state atomically.
    func save(_ state: SandboxState) throws(SandboxStateError) {
        var bytes = JSONWriter.encode(state.json)
        bytes.append(0x0A)
        try write(bytes)
    }

    /// Writes bytes atomically: temporary file, fsync, rename, fsync of the folder.
    func write(_ bytes: [UInt8]) throws(SandboxStateError) {
        let folder = Self.folder(of: path)
        try Self.makeFolders(folder)
        let temporary = "\(path).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw SandboxStateError(message: "cannot create \(temporary): \(errorText())") }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let message = errorText()
                close(descriptor)
                unlink(temporary)
                throw SandboxStateError(message: "cannot write \(temporary): \(message)")
            }
            written += count
        }
        guard fsync(descriptor) == 0 else {
            let message = errorText()
            close(descriptor)
            unlink(temporary)
            throw SandboxStateError(message: "cannot sync \(temporary): \(message)")
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let message = errorText()
            unlink(temporary)
            throw SandboxStateError(message: "cannot rename \(temporary) to \(path): \(message)")
        }
        let folderDescriptor = open(folder, O_RDONLY)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    private static func makeFolders(_ folder: String) throws(SandboxStateError) {
        guard access(folder, F_OK) != 0 else { return }
        try makeFolders(Self.folder(of: folder))
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw SandboxStateError(message: "cannot create folder \(folder): \(errorText())")
        }
    }
}

/// The text of the last C error.
func errorText() -> String {
    String(cString: strerror(errno))
}

/// Saves snapshots of the state in the background: at most one write in flight, and the latest snapshot wins.
actor StateWriter {
    private let file: StateFile
    private var pending: (revision: Int, state: SandboxState)?
    private var writtenRevision = -1
    private var writing = false
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    /// The last write error, if the last write failed.
    private(set) var lastError: SandboxStateError?

    init(file: StateFile) {
        self.file = file
    }

    /// Queues a snapshot; an older revision than one already queued or written is ignored.
    func schedule(revision: Int, state: SandboxState) {
        guard revision > writtenRevision, revision > (pending?.revision ?? -1) else { return }
        pending = (revision, state)
        guard !writing else { return }
        writing = true
        Task { await self.drain() }
    }

    /// Waits until every queued snapshot is on disk.
    func flush() async {
        guard writing || pending != nil else { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    private func drain() async {
        while let next = pending {
            pending = nil
            let file = self.file
            // Encoding a large state takes a while; do it off this actor so new snapshots can queue meanwhile.
            let result: Result<Void, SandboxStateError> = await Task.detached {
                Result { () throws(SandboxStateError) in try file.save(next.state) }
            }.value
            switch result {
            case .success: lastError = nil
            case .failure(let error): lastError = error
            }
            writtenRevision = next.revision
        }
        writing = false
        let waiters = idleWaiters
        idleWaiters = []
        for waiter in waiters { waiter.resume() }
    }
}
