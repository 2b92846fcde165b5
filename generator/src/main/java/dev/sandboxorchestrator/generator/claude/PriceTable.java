package dev.sandboxorchestrator.generator.claude;

import dev.sandboxorchestrator.core.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Prices in US dollars per million tokens, to turn a {@link TokenUsage} into a cost figure. Prices change and
 * differ by model, so none is built in: take them from Anthropic's pricing page for the model you configure.
 * {@link #perMillionTokens} derives the prompt-cache prices from the input price with Anthropic's multipliers
 * (a 5-minute cache write costs 1.25× input, a cache read 0.1×). Immutable and thread-safe.
 *
 * <pre>{@code
 * PriceTable prices = PriceTable.perMillionTokens(new BigDecimal("3.00"), new BigDecimal("15.00"));
 * BigDecimal dollars = prices.cost(preview.usage());
 * }</pre>
 *
 * @param input      per million uncached input tokens
 * @param output     per million output tokens
 * @param cacheWrite per million tokens written to the prompt cache
 * @param cacheRead  per million tokens read from the prompt cache
 */
public record PriceTable(BigDecimal input, BigDecimal output, BigDecimal cacheWrite, BigDecimal cacheRead) {
    /** A 5-minute cache write costs this times the input price. */
    public static final BigDecimal CACHE_WRITE_MULTIPLIER = new BigDecimal("1.25");
    /** A cache read costs this times the input price. */
    public static final BigDecimal CACHE_READ_MULTIPLIER = new BigDecimal("0.1");

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public PriceTable {
        for (BigDecimal price : new BigDecimal[] {input, output, cacheWrite, cacheRead}) {
            Objects.requireNonNull(price, "price");
            if (price.signum() < 0) {
                throw new IllegalArgumentException("prices cannot be negative: " + price);
            }
        }
    }

    /** Input and output prices; the cache prices follow from the input price. */
    public static PriceTable perMillionTokens(BigDecimal input, BigDecimal output) {
        Objects.requireNonNull(input, "input");
        return new PriceTable(input, output, input.multiply(CACHE_WRITE_MULTIPLIER), input.multiply(CACHE_READ_MULTIPLIER));
    }

    /** The cost of these tokens in dollars, to six decimal places. */
    public BigDecimal cost(TokenUsage usage) {
        BigDecimal micro = input.multiply(BigDecimal.valueOf(usage.inputTokens()))
                .add(output.multiply(BigDecimal.valueOf(usage.outputTokens())))
                .add(cacheWrite.multiply(BigDecimal.valueOf(usage.cacheCreationInputTokens())))
                .add(cacheRead.multiply(BigDecimal.valueOf(usage.cacheReadInputTokens())));
        return micro.divide(MILLION, 6, RoundingMode.HALF_UP);
    }
}
