import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A program the tests run as a child process, with its output collected as it arrives.
///
/// Foundation's `Process` learns that a child exited from SIGCHLD on a run-loop thread; ThreadSanitizer defers
/// signals, so under it a finished child could go unnoticed and a test hang. This waits in `waitpid` on its own
/// thread instead, and reads the pipes with plain `read` on two more.
public final class ChildProcess: @unchecked Sendable {
    /// How a child ended.
    public enum Termination: Equatable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        /// The exit code, or the signal number for a child a signal ended (as Foundation's `terminationStatus`).
        public var status: Int32 {
            switch self {
            case .exited(let code): code
            case .signalled(let signal): signal
            }
        }

        public var description: String {
            switch self {
            case .exited(let code): "exit \(code)"
            case .signalled(let signal): "signal \(signal)"
            }
        }
    }

    /// The child's process id.
    public let pid: pid_t

    private let lock = NSLock()
    private var stdoutData = Data()
    private var stderrData = Data()
    private var reaped = false
    private var killedByWatchdog = false
    private var ended: Termination?
    private var waiters: [CheckedContinuation<Termination, Never>] = []
    private var watchers: [Watcher] = []
    private var nextWatcher: UInt64 = 0

    /// A wait for the output to satisfy a predicate.
    private struct Watcher {
        let id: UInt64
        let predicate: @Sendable (String) -> Bool
        let continuation: CheckedContinuation<String?, Never>
        /// Sent to the child the moment the predicate holds, from the thread that read the output.
        let signal: Int32?
    }

    /// Starts `program` with `arguments` in `directory`, with exactly `environment`; stdin reads from /dev/null.
    /// With `mergingErrors`, stderr goes to the same pipe as stdout, so `output` interleaves both.
    public init(
        _ program: String, _ arguments: [String], in directory: String? = nil, environment: [String: String],
        mergingErrors: Bool = false
    ) throws {
        // Pipes are made close-on-exec and the child spawned under one lock, so a child another test starts at the
        // same time cannot inherit this one's write end and hold the pipe open after this child exits.
        Self.spawning.lock()
        defer { Self.spawning.unlock() }
        let out = try Self.pipe()
        let err = mergingErrors ? nil : try Self.pipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out.write, 1)
        posix_spawn_file_actions_adddup2(&actions, err?.write ?? out.write, 2)
        if let directory { _ = Self.addChangeDirectory(&actions, directory) }
        // The test runner may ignore or block signals (SIGPIPE among them); the child starts with the defaults.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child = pid_t()
        let result = posix_spawn(&child, program, &actions, &attributes, argv, envp)
        close(out.write)
        if let err { close(err.write) }
        guard result == 0 else {
            close(out.read)
            if let err { close(err.read) }
            throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO)
        }
        pid = child
        let spawned = child

        let readers = DispatchGroup()
        collect(out.read, into: .stdout, group: readers)
        if let err { collect(err.read, into: .stderr, group: readers) }
        Thread.detachNewThread { [self] in
            var status: Int32 = 0
            while waitpid(spawned, &status, 0) == -1 && errno == EINTR {}
            lock.withLock { reaped = true }
            // The output is whole once the pipes are at their end, which follows the exit.
            readers.wait()
            finish(Self.termination(status))
        }
    }

    /// What the child wrote to stdout (and stderr when merged) so far.
    public var output: String { lock.withLock { String(decoding: stdoutData, as: UTF8.self) } }

    /// What the child wrote to stderr so far.
    public var errors: String { lock.withLock { String(decoding: stderrData, as: UTF8.self) } }

    /// How the child ended, or nil while it runs.
    public var termination: Termination? { lock.withLock { ended } }

    /// Sends `signal` to the child unless it has been reaped (when its pid may already name another process); says
    /// whether it was sent.
    @discardableResult
    public func send(_ signal: Int32) -> Bool {
        lock.withLock {
            guard !reaped else { return false }
            _ = kill(pid, signal)
            return true
        }
    }

    /// Waits, without holding a thread, until the child has exited and its output has been read.
    public func exit() async -> Termination {
        await withCheckedContinuation { continuation in
            let done: Termination? = lock.withLock {
                if let ended { return ended }
                waiters.append(continuation)
                return nil
            }
            if let done { continuation.resume(returning: done) }
        }
    }

    /// Waits like `exit()`, killing the child with SIGKILL after `seconds`; says whether it had to.
    public func exit(killingAfter seconds: Double) async -> (termination: Termination, overran: Bool) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            if send(SIGKILL) { lock.withLock { killedByWatchdog = true } }
        }
        let termination = await exit()
        return (termination, lock.withLock { killedByWatchdog })
    }

    /// Waits until the output (stdout, with stderr when merged) satisfies `predicate` and returns it; nil when the
    /// child ends, or `seconds` pass, first. A `signal` is sent to the child the moment the output satisfies
    /// `predicate`, by the thread that read it: a kill then lands on time however long the waiting task takes to be
    /// scheduled (on a machine busy with a sanitizer run, many seconds).
    public func output(
        where predicate: @escaping @Sendable (String) -> Bool, within seconds: Double, signalling signal: Int32? = nil
    ) async -> String? {
        await withCheckedContinuation { continuation in
            let id: UInt64? = lock.withLock {
                let text = String(decoding: stdoutData, as: UTF8.self)
                if predicate(text) {
                    if let signal, !reaped { _ = kill(pid, signal) }
                    continuation.resume(returning: text)
                    return nil
                }
                if ended != nil {
                    continuation.resume(returning: nil)
                    return nil
                }
                nextWatcher += 1
                watchers.append(
                    Watcher(id: nextWatcher, predicate: predicate, continuation: continuation, signal: signal))
                return nextWatcher
            }
            guard let id else { return }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
                for watcher in lock.withLock({ takeWatchers { $0.id == id } }) {
                    watcher.continuation.resume(returning: nil)
                }
            }
        }
    }

    /// Removes and returns the watchers `matching` picks; call under the lock.
    private func takeWatchers(_ matching: (Watcher) -> Bool) -> [Watcher] {
        let taken = watchers.filter(matching)
        watchers.removeAll(where: matching)
        return taken
    }

    private func finish(_ termination: Termination) {
        let (resumed, unsatisfied) = lock.withLock {
            ended = termination
            defer { waiters = [] }
            return (waiters, takeWatchers { _ in true })
        }
        for waiter in resumed { waiter.resume(returning: termination) }
        for watcher in unsatisfied { watcher.continuation.resume(returning: nil) }
    }

    /// Which of the child's outputs a pipe carries.
    private enum Stream { case stdout, stderr }

    private func collect(_ descriptor: Int32, into stream: Stream, group: DispatchGroup) {
        group.enter()
        Thread.detachNewThread { [self] in
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    let satisfied = lock.withLock {
                        switch stream {
                        case .stdout: stdoutData.append(contentsOf: chunk[0..<count])
                        case .stderr: stderrData.append(contentsOf: chunk[0..<count])
                        }
                        let satisfied = takeWatchers { $0.predicate(String(decoding: stdoutData, as: UTF8.self)) }
                        for signal in satisfied.compactMap(\.signal) where !reaped { _ = kill(pid, signal) }
                        return satisfied
                    }
                    let text = output
                    for watcher in satisfied { watcher.continuation.resume(returning: text) }
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            close(descriptor)
            group.leave()
        }
    }

    private static let spawning = NSLock()

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which its Swift module does not export.
    private static let addChangeDirectory:
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32 = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np")
            else {
                fatalError("this libc has no posix_spawn_file_actions_addchdir_np")
            }
            return unsafeBitCast(
                symbol,
                to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)
                    .self)
        }()

    private static func pipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        guard Glibc.pipe(&descriptors) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return (descriptors[0], descriptors[1])
    }

    private static func termination(_ status: Int32) -> Termination {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}

extension ChildProcess {
    /// The base URL a `haloform sandbox serve` child prints once it listens (its `  halo  http://…` line), or nil when
    /// it ends or `seconds` pass first.
    public func sandboxURL(within seconds: Double = 120) async -> String? {
        await output(where: { Self.sandboxURL(in: $0) != nil }, within: seconds).flatMap(Self.sandboxURL(in:))
    }

    private static func sandboxURL(in output: String) -> String? {
        output.split(separator: "\n").first { $0.contains("  halo ") }?
            .split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init)
    }
}
