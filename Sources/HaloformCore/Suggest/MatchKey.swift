/// The normalised keys records are compared and blocked on: a name without case, accents, punctuation or legal form,
/// a VAT or registration number without spacing, an e-mail's domain unless a free mail provider's.
public enum MatchKey {
    /// Legal forms dropped from names, as tokens after punctuation is gone ("B.V." and "BV" both read "bv").
    static let legalForms: Set<String> = [
        "bv", "nv", "vof", "cv", "bvba", "sprl", "srl", "sa", "sas", "sarl", "ltd", "limited", "plc", "llp", "llc",
        "inc",
        "incorporated", "corp", "corporation", "co", "gmbh", "ag", "kg", "ohg", "ug", "eg", "ev", "se", "ab", "as",
        "aps",
        "oy", "spa", "sl", "pty", "holding", "holdings",
    ]

    /// Free mail providers: a shared address there says nothing about who the customer is.
    static let freeMailDomains: Set<String> = [
        "gmail.com", "googlemail.com", "hotmail.com", "hotmail.nl", "hotmail.co.uk", "outlook.com", "outlook.nl",
        "live.com", "live.nl", "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com",
        "aol.com", "gmx.de", "gmx.net", "gmx.com", "web.de", "t-online.de", "proton.me", "protonmail.com", "zoho.com",
        "mail.com", "kpnmail.nl", "ziggo.nl", "planet.nl", "home.nl", "telenet.be", "skynet.be", "btinternet.com",
        "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "libero.it", "yandex.com", "qq.com",
    ]

    /// Latin letters with diacritics and their plain forms, pairwise: Latin-1 Supplement and Latin Extended-A.
    private static let folds: [Unicode.Scalar: String] = {
        let pairs: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
            ("æ", "ae"), ("œ", "oe"), ("ß", "ss"), ("ð", "d"), ("þ", "th"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, plain) in pairs {
            for scalar in letters.unicodeScalars { table[scalar] = plain }
        }
        return table
    }()

    /// The name's words: lowercased, accents folded, `&` read as "and", every other non-alphanumeric a separator.
    public static func words(_ name: String) -> [String] {
        var words: [String] = []
        var word = ""
        func close() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for scalar in name.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x30...0x39, 0x61...0x7A: word.unicodeScalars.append(scalar)
                case 0x41...0x5A: word.unicodeScalars.append(Unicode.Scalar(value + 0x20)!)
                // "B.V." is one token: a dot or an apostrophe inside a word joins it.
                case 0x2E, 0x27: break
                case 0x26:
                    close()
                    words.append("and")
                default: close()
                }
            } else if let plain = folds[scalar]
                ?? scalar.properties.lowercaseMapping.unicodeScalars.first.flatMap({ folds[$0] })
            {
                word += plain
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word += scalar.properties.lowercaseMapping
            } else {
                close()
            }
        }
        close()
        return words
    }

    /// The name for comparison: its words without legal forms, joined by single spaces; the words themselves when
    /// nothing but a legal form is left.
    public static func name(_ name: String) -> String {
        let all = words(name)
        let kept = all.filter { !legalForms.contains($0) }
        return (kept.isEmpty ? all : kept).joined(separator: " ")
    }

    /// A VAT or registration number for comparison: letters and digits only, uppercased; nil when empty.
    public static func number(_ text: String?) -> String? {
        guard let text else { return nil }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A: out.unicodeScalars.append(scalar)
            case 0x61...0x7A: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0x20)!)
            default: continue
            }
        }
        return out.isEmpty ? nil : out
    }

    /// The domain of an e-mail address, lowercased; nil when there is none or it is a free mail provider's.
    public static func domain(_ email: String?) -> String? {
        guard let email, let at = email.lastIndex(of: "@") else { return nil }
        let domain = String(email[email.index(after: at)...].lowercased().filter { $0 != " " })
        guard domain.contains("."), !freeMailDomains.contains(domain) else { return nil }
        return domain
    }
}
