package dev.sandboxorchestrator.core;

/** Where a sandbox is in its life, the same for every provider. */
public enum SandboxStatus {
    /** Being created or started; not serving yet. */
    PENDING,
    /** Running; its preview answers. */
    RUNNING,
    /** Stopped; its files are kept and it can be started again. */
    STOPPED,
    /** Archived by the provider; starting it takes longer. */
    ARCHIVED,
    /** Failed; see its logs. */
    FAILED,
    /** Deleted; nothing of it is left. */
    DELETED,
    /** The provider reported a state this library does not know. */
    UNKNOWN
}
