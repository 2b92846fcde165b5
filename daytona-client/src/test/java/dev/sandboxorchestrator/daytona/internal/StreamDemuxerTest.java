package dev.sandboxorchestrator.daytona.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.core.SandboxEvent.Stream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamDemuxerTest {
    private static final byte[] OUT = {1, 1, 1};
    private static final byte[] ERR = {2, 2, 2};

    private final List<String> lines = new ArrayList<>();
    private final StreamDemuxer demuxer = new StreamDemuxer((stream, line) -> lines.add(stream + ":" + line));

    private static byte[] stream(Object... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Object part : parts) {
            bytes.writeBytes(part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void markersSwitchBetweenStdoutAndStderr() {
        demuxer.accept(stream(OUT, "compiling\n", ERR, "warning: x\n", OUT, "done\n"));
        demuxer.finish();

        assertThat(lines).containsExactly("STDOUT:compiling", "STDERR:warning: x", "STDOUT:done");
    }

    @Test
    void markersAndCharactersSplitAcrossChunksAtEveryPossibleBoundaryDecodeTheSame() {
        byte[] all = stream(OUT, "héllo wörld ✓\n", ERR, "fehler\r\n", OUT, "tail without newline");
        for (int split = 0; split <= all.length; split++) {
            List<String> seen = new ArrayList<>();
            StreamDemuxer each = new StreamDemuxer((stream, line) -> seen.add(stream + ":" + line));
            each.accept(all, 0, split);
            each.accept(all, split, all.length - split);
            each.finish();
            assertThat(seen).as("split at %d", split)
                    .containsExactly("STDOUT:héllo wörld ✓", "STDERR:fehler", "STDOUT:tail without newline");
        }
    }

    @Test
    void textWithoutMarkersIsStdoutAndShortMarkerRunsAreData() {
        demuxer.accept(stream("plain\n", new byte[] {1, 1}, "x\n", new byte[] {2}, "y\n"));
        demuxer.finish();

        assertThat(lines).containsExactly("STDOUT:plain", "STDOUT:\u0001\u0001x", "STDOUT:\u0002y");
    }

    @Test
    void unfinishedLinesOfEachStreamWaitForTheirOwnNewline() {
        demuxer.accept(stream(OUT, "abc", ERR, "err\n", OUT, "def\n"));

        assertThat(lines).containsExactly("STDERR:err", "STDOUT:abcdef");
    }

    @Test
    void blankLinesAreKept() {
        demuxer.accept(stream(OUT, "a\n\nb\n"));

        assertThat(lines).containsExactly("STDOUT:a", "STDOUT:", "STDOUT:b");
    }
}
