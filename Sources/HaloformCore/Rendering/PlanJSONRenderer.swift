import JSONText

/// Renders a plan as its versioned JSON document: what `plan --format json` prints and `plan --out` saves, read back by
/// `Plan`'s `Decodable` conformance.
public struct PlanJSONRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// `"key" : value`, as the plan documents Foundation's encoder wrote before this renderer did.
    static let keySeparator = " : "

    /// The document, ending in a newline.
    public func render(_ plan: Plan) -> String {
        var stream = JSONTextStream(capacity: 256 * (plan.changes.count + 16), keySeparator: Self.keySeparator)
        write(plan, to: &stream)
        stream.finish()
        return stream.text
    }

    /// The document, ending in a newline, given to `sink` in chunks of about 64 KiB as it is written: a plan of 100,000
    /// changes is never held whole as text.
    public func render(_ plan: Plan, to sink: @escaping ([UInt8]) -> Void) {
        var stream = JSONTextStream(keySeparator: Self.keySeparator, sink: sink)
        write(plan, to: &stream)
        stream.finish()
    }

    private func write(_ plan: Plan, to stream: inout JSONTextStream) {
        stream.object { out in
            out.key("changes")
            out.array(plan.changes) { out, change in write(change, to: &out) }
            out.key("config_root", ifPresent: plan.configRoot) { $0.string($1) }
            out.key("connections")
            out.array(plan.connections) { out, note in
                out.object { out in
                    out.key("fix"); out.string(note.fix)
                    out.key("integration"); out.string(note.integration.rawValue)
                    out.key("message"); out.string(note.message)
                    out.key("status"); out.string(note.status.rawValue)
                    out.key("tenant"); out.string(note.tenant)
                    out.key("token_expiry", ifPresent: note.tokenExpiry) { $0.string($1.iso) }
                }
            }
            out.key("cost", ifPresent: plan.cost) { out, cost in write(cost, to: &out) }
            out.key("drift")
            out.array(plan.drift) { out, drift in
                out.object { out in
                    out.key("address"); out.string(drift.address)
                    out.key("description"); out.string(drift.description)
                }
            }
            out.key("follow_up")
            out.array(plan.followUp) { out, followUp in
                out.object { out in
                    out.key("integration"); out.string(followUp.integration.rawValue)
                    out.key("steps")
                    out.array(followUp.steps) { out, step in
                        out.object { out in
                            out.key("action"); out.string(step.action.rawValue)
                            out.key("instruction"); out.string(step.instruction)
                            out.key("reason"); out.string(step.reason)
                        }
                    }
                    out.key("tenant"); out.string(followUp.tenant)
                }
            }
            out.key("format_version"); out.int(plan.formatVersion)
            out.key("operations")
            out.array(plan.operations) { out, operation in write(operation, to: &out) }
            out.key("prior_state", ifPresent: plan.priorState) { out, state in write(state, to: &out) }
            out.key("remote_fingerprint"); out.string(plan.remoteFingerprint)
            out.key("uncovered")
            out.array(plan.uncovered) { out, record in
                out.object { out in
                    out.key("error"); out.bool(record.isError)
                    out.key("integration"); out.string(record.tenant.integration.rawValue)
                    out.key("key"); out.string(record.key)
                    out.key("list"); out.string(record.list.rawValue)
                    out.key("name"); out.string(record.name)
                    out.key("reason"); out.string(record.reason)
                    out.key("rule"); out.string(record.rule)
                    out.key("tenant"); out.string(record.tenant.tenant)
                }
            }
            out.key("warnings")
            out.array(plan.warnings) { out, warning in
                out.object { out in
                    out.key("address"); out.string(warning.address)
                    out.key("message"); out.string(warning.message)
                }
            }
        }
    }

    private func write(_ change: PlannedChange, to stream: inout JSONTextStream) {
        stream.object { out in
            out.key("action"); out.string(change.action.rawValue)
            out.key("address"); out.string(change.address)
            out.key("fields")
            out.array(change.fields) { out, field in
                out.object { out in
                    out.key("forces_replacement"); out.bool(field.forcesReplacement)
                    out.key("name"); out.string(field.name)
                    out.key("new", ifPresent: field.new) { $0.string($1) }
                    out.key("old", ifPresent: field.old) { $0.string($1) }
                    out.key("sensitive"); out.bool(field.sensitive)
                }
            }
            out.key("integration", ifPresent: change.integration) { $0.string($1.rawValue) }
            let subject = change.subject.parts
            out.key("subject")
            out.object { out in
                out.key("integration", ifPresent: subject.integration) { $0.string($1.rawValue) }
                out.key("kind"); out.string(subject.kind.rawValue)
                out.key("name", ifPresent: subject.name) { $0.string($1) }
                out.key("tenant", ifPresent: subject.tenant) { $0.string($1) }
            }
        }
    }

    private func write(_ operation: Operation, to stream: inout JSONTextStream) {
        stream.object { out in
            out.key("addresses"); out.array(operation.addresses) { $0.string($1) }
            out.key("body"); out.object(operation.body)
            out.key("collection"); out.string(operation.collection.rawValue)
            out.key("creates", ifPresent: operation.creates) { $0.string($1) }
            out.key("deferred_ids"); out.object(operation.deferredIDs)
            out.key("kind"); out.string(operation.kind.rawValue)
            out.key("record_id", ifPresent: operation.recordID) { $0.int($1) }
            out.key("secrets"); out.object(operation.secrets)
        }
    }

    private func write(_ cost: PlanCost, to stream: inout JSONTextStream) {
        stream.object { out in
            out.key("systems")
            out.array(cost.systems) { out, system in
                out.object { out in
                    out.key("apply_requests"); out.int(system.applyRequests)
                    out.key("limit", ifPresent: system.limit) { $0.int($1) }
                    out.key("minimum_seconds"); out.int(system.minimumSeconds)
                    out.key("name"); out.string(system.name)
                    out.key("plan_requests"); out.int(system.planRequests)
                    out.key("window_seconds"); out.int(system.windowSeconds)
                }
            }
        }
    }

    private func write(_ state: RemoteSnapshot, to stream: inout JSONTextStream) {
        stream.object { out in
            out.key("catalogs"); out.object(state.catalogs)
            out.key("control"); out.object(state.control)
            out.key("named")
            out.object { out in
                for collection in state.named.keys.sorted() {
                    out.key(collection)
                    out.array(state.named[collection]!) { out, record in
                        out.object { out in
                            out.key("id"); out.int(record.id)
                            out.key("name"); out.string(record.name)
                        }
                    }
                }
            }
            out.key("records")
            out.object { out in
                for collection in state.records.keys.sorted() {
                    out.key(collection)
                    out.array(state.records[collection]!) { $0.object($1) }
                }
            }
        }
    }
}
