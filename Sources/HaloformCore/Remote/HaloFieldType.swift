/// The JSON type of a Halo field, as Halo's published API document declares it.
public enum HaloFieldType: String, Sendable, CaseIterable {
    case integer, number, string, boolean, array, object
}
