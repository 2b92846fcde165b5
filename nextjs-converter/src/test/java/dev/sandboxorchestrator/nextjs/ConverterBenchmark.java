package dev.sandboxorchestrator.nextjs;

import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH benchmark: converts every case of the HTML corpus (39 pages with their CSS, JS and assets). One operation
 * is one page, so the score is pages per second and the GC profiler's {@code gc.alloc.rate.norm} is bytes
 * allocated per page. Not a test; run it with the command in the module README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ConverterBenchmark {
    /** Number of corpus cases; JMH needs a constant for {@code @OperationsPerInvocation}. */
    static final int CASES = 39;

    private final NextJsProjectConverter converter = new NextJsProjectConverter();
    private List<GeneratedCode> corpus;

    @Setup
    public void loadCorpus() {
        Path dir = Corpus.dir().orElseThrow(() -> new IllegalStateException("corpus not found; set -Dcorpus.dir"));
        corpus = Corpus.cases(dir).stream().map(name -> InputFolder.read(dir.resolve(name))).toList();
        if (corpus.size() != CASES) {
            throw new IllegalStateException("expected " + CASES + " corpus cases, found " + corpus.size());
        }
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public void convertCorpus(Blackhole blackhole) {
        for (GeneratedCode code : corpus) {
            Project project = converter.convert(code);
            blackhole.consume(project);
        }
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ConverterBenchmark.class.getSimpleName()).addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Dcorpus.dir=" + Corpus.dir().map(Path::toString).orElse("")).build()).run();
    }
}
