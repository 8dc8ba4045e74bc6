/// A file's raw bytes, for the few errors libyaml locates by byte offset or character index.
///
/// Lines break where libyaml breaks them (LF, CR, CRLF, NEL, LS, PS), and columns count
/// Unicode scalars, so the locations computed here agree with libyaml's marks.
struct SourceText {
    /// The bytes, as handed to libyaml.
    let bytes: UnsafeBufferPointer<UInt8>

    /// The line and column of the character that starts at byte `offset`.
    func location(ofByte offset: Int) -> SourceLocation {
        let end = min(offset, bytes.count)
        var line = 1
        var column = 1
        var index = 0
        while index < end {
            let breakLength = lineBreakLength(at: index)
            if breakLength > 0 {
                line += 1
                column = 1
                index += breakLength
                continue
            }
            if !Self.isContinuation(bytes[index]) { column += 1 }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }

    /// The Unicode scalar at character `index` (libyaml's `mark.index`), if it is valid UTF-8.
    func scalar(atCharacter index: Int) -> Unicode.Scalar? {
        var seen = -1
        for offset in bytes.indices where !Self.isContinuation(bytes[offset]) {
            seen += 1
            if seen == index { return decodeScalar(at: offset) }
        }
        return nil
    }

    /// The length of the line break starting at byte `index`, or 0 when none does.
    private func lineBreakLength(at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2 where byte(at: index + 1) == 0x85: return 2
        case 0xE2 where byte(at: index + 1) == 0x80 && (byte(at: index + 2) == 0xA8 || byte(at: index + 2) == 0xA9):
            return 3
        default: return 0
        }
    }

    /// The byte at `index`, or nil past the end.
    private func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    /// Decodes the one scalar that starts at byte `offset`.
    private func decodeScalar(at offset: Int) -> Unicode.Scalar? {
        var decoder = UTF8()
        var iterator = bytes[offset...].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// Whether `byte` continues a multi-byte UTF-8 sequence rather than starting a character.
    private static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }
}
