package dev.sandboxorchestrator.daytona.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellTest {

    @Test
    void wordsAreQuotedOnlyWhenTheyNeedIt() {
        assertThat(Shell.quote("npm")).isEqualTo("npm");
        assertThat(Shell.quote("/home/daytona/app")).isEqualTo("/home/daytona/app");
        assertThat(Shell.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(Shell.quote("a b;rm -rf /")).isEqualTo("'a b;rm -rf /'");
        assertThat(Shell.quote("")).isEqualTo("''");
        assertThat(Shell.quote("$(whoami)")).isEqualTo("'$(whoami)'");
    }

    @Test
    void environmentIsGivenToTheCommandOnlyAndItsValuesCanBeHidden() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TOKEN", "s3'cr3t");
        env.put("CI", "1");

        String line = Shell.withEnvironment(env, List.of("sh", "-c", "npm run build"));

        assertThat(line).isEqualTo("env TOKEN='s3'\\''cr3t' CI='1' sh -c 'npm run build'");
        assertThat(Shell.redactAssignments(line)).isEqualTo("env TOKEN=*** CI=*** sh -c 'npm run build'");
        assertThat(Shell.withEnvironment(Map.of(), List.of("ls", "-la"))).isEqualTo("ls -la");
    }

    @Test
    void webSocketUrlsFollowTheScheme() {
        assertThat(Urls.toWebSocket("https://proxy.app.daytona.io/toolbox/x")).isEqualTo("wss://proxy.app.daytona.io/toolbox/x");
        assertThat(Urls.toWebSocket("http://127.0.0.1:1/toolbox/x")).isEqualTo("ws://127.0.0.1:1/toolbox/x");
        assertThat(Urls.trimSlash("https://app.daytona.io/api//")).isEqualTo("https://app.daytona.io/api");
    }
}
