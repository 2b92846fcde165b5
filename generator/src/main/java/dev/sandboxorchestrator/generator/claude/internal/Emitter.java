package dev.sandboxorchestrator.generator.claude.internal;

import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.TokenUsage;
import dev.sandboxorchestrator.generator.claude.PriceTable;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the events of one call to a listener; a listener that throws is logged and does not stop the work. Not API. */
final class Emitter {
    private static final Logger LOG = LoggerFactory.getLogger(Emitter.class);

    private final SandboxListener listener;
    private final Phase phase;
    private final PriceTable prices;

    Emitter(SandboxListener listener, Phase phase, PriceTable prices) {
        this.listener = listener == null ? SandboxListener.NONE : listener;
        this.phase = phase;
        this.prices = prices;
    }

    void progress(String message) {
        emit(new SandboxEvent.Progress(phase, message, Instant.now()));
    }

    /** A call's tokens: a {@link SandboxEvent.UsageReported}, and a progress line with the cost when prices are known. */
    void usage(TokenUsage usage) {
        emit(new SandboxEvent.UsageReported(usage, Instant.now()));
        progress("tokens: " + usage.inputTokens() + " in, " + usage.outputTokens() + " out, " + usage.cacheCreationInputTokens()
                + " cache write, " + usage.cacheReadInputTokens() + " cache read"
                + (prices == null ? "" : " (about $" + prices.cost(usage).toPlainString() + ")"));
    }

    private void emit(SandboxEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("A listener threw on {}; generation goes on", event.getClass().getSimpleName(), e);
        }
    }
}
