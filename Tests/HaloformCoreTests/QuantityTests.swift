@testable import HaloformCore
import Testing

@Suite("Counted nouns")
struct QuantityTests {
    @Test("one takes the singular, every other count the plural")
    func number() {
        #expect("\(Quantity(1, "change"))" == "1 change")
        #expect("\(Quantity(3, "change"))" == "3 changes")
        #expect("\(Quantity(0, "tenant"))" == "0 tenants")
        #expect("\(Quantity(2, "entity", plural: "entities"))" == "2 entities")
    }
}
