import ArgumentParser

/// `--trace-timings`: each stage's time and peak memory, and per system its requests, bytes and time, on stderr.
struct TraceOption: ParsableArguments {
    @Flag(help: "Print each stage's time and, per system, requests, bytes, time in flight and decode time to stderr.")
    var traceTimings = false
}
