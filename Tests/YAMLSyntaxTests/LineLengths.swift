import YAMLSyntax

/// How long each line of a file is, counting lines as libyaml does, to check that locations lie within it.
struct LineLengths {
    /// Each line's length in bytes, an upper bound on its length in characters.
    private var lengths: [Int] = [0]

    /// Splits `bytes` at LF, CR, CRLF, NEL, LS and PS.
    init(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            let breakLength = Self.lineBreakLength(in: bytes, at: index)
            if breakLength > 0 {
                lengths.append(0)
                index += breakLength
            } else {
                lengths[lengths.count - 1] += 1
                index += 1
            }
        }
    }

    /// The length of the line break at `index`, or 0.
    private static func lineBreakLength(in bytes: [UInt8], at index: Int) -> Int {
        func byte(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return byte(1) == 0x0A ? 2 : 1
        case 0xC2: return byte(1) == 0x85 ? 2 : 0
        case 0xE2: return byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// The number of lines, the empty one after a final line break included.
    var count: Int { lengths.count }

    /// Whether `location` names a line of the file and a column at most one past its end,
    /// or the start of the line after the last, where libyaml puts the end of a stream.
    func contains(_ location: YAMLSyntax.SourceLocation) -> Bool {
        if location.line == lengths.count + 1 { return location.column == 1 }
        return location.line >= 1 && location.line <= lengths.count
            && location.column >= 1 && location.column <= lengths[location.line - 1] + 1
    }
}
