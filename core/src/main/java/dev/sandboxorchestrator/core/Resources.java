package dev.sandboxorchestrator.core;

/**
 * Resource hints for a sandbox. Zero means "the provider's default". Providers that cannot enforce a hint
 * ignore it (the local provider runs with the host's resources).
 *
 * @param cpu      virtual CPUs
 * @param memoryGb memory in GiB
 * @param diskGb   disk in GiB
 */
public record Resources(int cpu, int memoryGb, int diskGb) {
    public static final Resources DEFAULT = new Resources(0, 0, 0);

    public Resources {
        if (cpu < 0 || memoryGb < 0 || diskGb < 0) {
            throw new IllegalArgumentException("resources cannot be negative");
        }
    }
}
