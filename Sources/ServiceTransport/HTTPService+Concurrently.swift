extension HTTPService {
    /// Runs `job` on every item with as many in flight as the service allows, and returns the results in the items'
    /// order: the pages of a list, fetched at once.
    public func concurrently<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ job: @escaping @Sendable (Item) async throws(ServiceError) -> Result
    ) async throws(ServiceError) -> [Result] {
        let width = max(1, configuration.maximumConcurrentRequests)
        do {
            return try await withThrowingTaskGroup(of: (Int, Result).self) { group in
                var results = [Result?](repeating: nil, count: items.count)
                var pending = items.enumerated().makeIterator()
                func launch() {
                    guard let (index, item) = pending.next() else { return }
                    group.addTask { (index, try await job(item)) }
                }
                for _ in 0..<width { launch() }
                while let (index, result) = try await group.next() {
                    results[index] = result
                    launch()
                }
                return results.compactMap { $0 }
            }
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(.transport, service: configuration.name, message: "cancelled")
        }
    }
}
