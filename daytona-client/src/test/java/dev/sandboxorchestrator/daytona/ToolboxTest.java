package dev.sandboxorchestrator.daytona;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sandboxorchestrator.core.ServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The toolbox calls against WireMock: paths under {toolboxProxyUrl}/{id}, bodies, multipart layout, answers. */
class ToolboxTest extends WireMockSupport {

    private Toolbox toolbox() {
        return client.toolbox(new Sandbox("sbx-1", null, null, SandboxState.STARTED, null, null, null, null, null, false, 1, 1, 3, null,
                null, null, null, toolboxProxyUrl() + "/"));
    }

    @Test
    void toolboxBaseIsTheProxyUrlPlusTheSandboxIdAndIsLookedUpOnceWhenOnlyTheIdIsKnown() {
        wm.stubFor(get("/api/sandbox/sbx-1").willReturn(okJson(sandboxJson("sbx-1", "started"))));
        wm.stubFor(get("/toolbox/sbx-1/port/3000/in-use").willReturn(okJson("{\"isInUse\":true}")));

        assertThat(client.toolbox("sbx-1").baseUrl().toString()).isEqualTo(toolboxProxyUrl() + "/sbx-1");
        assertThat(client.toolbox("sbx-1").isPortInUse(3000)).isTrue();
        wm.verify(1, getRequestedFor(urlEqualTo("/api/sandbox/sbx-1")));
        wm.verify(getRequestedFor(urlEqualTo("/toolbox/sbx-1/port/3000/in-use")).withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("X-Daytona-SDK-Version", equalTo("0.190.0")));
    }

    @Test
    void emptyToolboxProxyUrlIsAskedForSeparately() {
        wm.stubFor(get("/api/sandbox/sbx-9").willReturn(okJson(sandboxJson("sbx-9", "started").replace(toolboxProxyUrl(), ""))));
        wm.stubFor(get("/api/sandbox/sbx-9/toolbox-proxy-url").willReturn(okJson("{\"url\":\"" + toolboxProxyUrl() + "\"}")));

        assertThat(client.toolbox("sbx-9").baseUrl().toString()).isEqualTo(toolboxProxyUrl() + "/sbx-9");
    }

    @Test
    void bulkUploadSendsEveryFileInOneMultipartRequestWithEachPathBeforeItsFile() {
        wm.stubFor(post("/toolbox/sbx-1/files/bulk-upload").willReturn(okJson("{\"files\":[]}")));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("/home/daytona/app/package.json", "{\"name\":\"app\"}".getBytes(StandardCharsets.UTF_8));
        files.put("/home/daytona/app/public/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        files.put("/home/daytona/app/app/page \"x\".tsx", "export default 1".getBytes(StandardCharsets.UTF_8));

        toolbox().uploadFiles(files);

        List<LoggedRequest> uploads = wm.findAll(postRequestedFor(urlEqualTo("/toolbox/sbx-1/files/bulk-upload")));
        assertThat(uploads).hasSize(1);
        LoggedRequest upload = uploads.get(0);
        assertThat(upload.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        List<FakeToolbox.Part> parts = FakeToolbox.multipart(upload.getHeader("Content-Type"), upload.getBody());
        assertThat(parts).extracting(FakeToolbox.Part::name).containsExactly("files[0].path", "files[0].file", "files[1].path",
                "files[1].file", "files[2].path", "files[2].file");
        assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("/home/daytona/app/package.json");
        assertThat(parts.get(1).filename()).isEqualTo("/home/daytona/app/package.json");
        assertThat(parts.get(3).content()).isEqualTo(files.get("/home/daytona/app/public/logo.png"));
        assertThat(parts.get(5).filename()).isEqualTo("/home/daytona/app/app/page %22x%22.tsx");
        assertThat(upload.getBodyAsString()).contains("Content-Type: application/octet-stream");
    }

    @Test
    void singleUploadAndDownloadUseTheFileRoutes() {
        wm.stubFor(post(urlPathEqualTo("/toolbox/sbx-1/files/upload")).willReturn(aResponse().withStatus(200)));
        wm.stubFor(get("/toolbox/sbx-1/files/download?path=%2Fhome%2Fdaytona%2Fa.txt").willReturn(aResponse().withBody("alpha")));
        wm.stubFor(get("/toolbox/sbx-1/files/download?path=%2Fnope").willReturn(aResponse().withStatus(404)
                .withBody("{\"statusCode\":404,\"message\":\"file not found\",\"code\":\"NOT_FOUND\"}")));

        toolbox().uploadFile("/home/daytona/a.txt", "alpha".getBytes(StandardCharsets.UTF_8));

        LoggedRequest upload = wm.findAll(postRequestedFor(urlPathEqualTo("/toolbox/sbx-1/files/upload"))).get(0);
        assertThat(upload.queryParameter("path").firstValue()).isEqualTo("/home/daytona/a.txt");
        assertThat(FakeToolbox.multipart(upload.getHeader("Content-Type"), upload.getBody())).extracting(FakeToolbox.Part::name)
                .containsExactly("file");
        assertThat(toolbox().download("/home/daytona/a.txt")).hasValueSatisfying(bytes -> assertThat(bytes).asString().isEqualTo("alpha"));
        assertThat(toolbox().download("/nope")).isEmpty();
    }

    @Test
    void executeSendsCommandDirectoryEnvironmentAndTimeoutInSecondsAndReadsTheResult() {
        wm.stubFor(post("/toolbox/sbx-1/process/execute").willReturn(okJson("{\"exitCode\":0,\"result\":\"v20.19.0\\n\"}")));

        CommandResult result = toolbox().execute("node -v", "/home/daytona/app", Map.of("CI", "1"), Duration.ofMillis(1500));

        assertThat(result).isEqualTo(new CommandResult(0, "v20.19.0\n"));
        wm.verify(postRequestedFor(urlEqualTo("/toolbox/sbx-1/process/execute")).withRequestBody(equalToJson(
                "{\"command\":\"node -v\",\"cwd\":\"/home/daytona/app\",\"envs\":{\"CI\":\"1\"},\"timeout\":2}")));
    }

    @Test
    void executeThatTheDaemonTimedOutIsA408WithItsCode() {
        wm.stubFor(post("/toolbox/sbx-1/process/execute").willReturn(aResponse().withStatus(408)
                .withBody("{\"statusCode\":408,\"message\":\"command timed out\",\"code\":\"REQUEST_TIMEOUT\"}")));

        assertThatThrownBy(() -> toolbox().execute("sleep 99", null, Map.of(), Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.errorType()).contains("REQUEST_TIMEOUT"))
                .hasMessage("Daytona answered HTTP 408 for /toolbox/sbx-1/process/execute (REQUEST_TIMEOUT): command timed out");
        wm.verify(1, postRequestedFor(urlEqualTo("/toolbox/sbx-1/process/execute")));
    }

    @Test
    void sessionsAreCreatedRunCommandsAsynchronouslyAndReportStatus() {
        wm.stubFor(post("/toolbox/sbx-1/process/session").withRequestBody(equalToJson("{\"sessionId\":\"build\"}"))
                .willReturn(aResponse().withStatus(201)));
        wm.stubFor(post("/toolbox/sbx-1/process/session").withRequestBody(equalToJson("{\"sessionId\":\"taken\"}"))
                .willReturn(aResponse().withStatus(409).withBody("{\"message\":\"session already exists\",\"code\":\"CONFLICT\"}")));
        wm.stubFor(post("/toolbox/sbx-1/process/session/build/exec").willReturn(aResponse().withStatus(202).withHeader("Content-Type",
                "application/json").withBody("{\"cmdId\":\"c-1\"}")));
        wm.stubFor(get("/toolbox/sbx-1/process/session/build/command/c-1").willReturn(okJson("{\"id\":\"c-1\",\"command\":\"npm run build\"}")));
        wm.stubFor(get("/toolbox/sbx-1/process/session/build/command/c-2").willReturn(okJson("{\"id\":\"c-2\",\"command\":\"ls\",\"exitCode\":2}")));
        wm.stubFor(delete("/toolbox/sbx-1/process/session/build").willReturn(aResponse().withStatus(204)));
        wm.stubFor(delete("/toolbox/sbx-1/process/session/gone").willReturn(aResponse().withStatus(404).withBody("{\"message\":\"session not found\"}")));

        assertThat(toolbox().createSession("build")).isTrue();
        assertThat(toolbox().createSession("taken")).isFalse();
        assertThat(toolbox().executeAsync("build", "npm run build")).isEqualTo("c-1");
        assertThat(toolbox().command("build", "c-1").isRunning()).isTrue();
        assertThat(toolbox().command("build", "c-2").exitCode()).hasValue(2);
        assertThat(toolbox().deleteSession("build")).isTrue();
        assertThat(toolbox().deleteSession("gone")).isFalse();
        wm.verify(postRequestedFor(urlEqualTo("/toolbox/sbx-1/process/session/build/exec"))
                .withRequestBody(equalToJson("{\"command\":\"npm run build\",\"runAsync\":true}")));
    }

    @Test
    void logsAreReadAsJsonAndPlainTextWithMarkersIsDemultiplexed() {
        wm.stubFor(get("/toolbox/sbx-1/process/session/s/command/json/logs").willReturn(okJson(
                "{\"output\":\"\\u0001\\u0001\\u0001out\\n\\u0002\\u0002\\u0002err\\n\",\"stdout\":\"out\\n\",\"stderr\":\"err\\n\"}")));
        wm.stubFor(get("/toolbox/sbx-1/process/session/s/command/text/logs").willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody("\u0001\u0001\u0001one\n\u0002\u0002\u0002two\n\u0001\u0001\u0001three\n")));

        assertThat(toolbox().logs("s", "json")).isEqualTo(new CommandLogs("out\n", "err\n", "out\nerr\n"));
        assertThat(toolbox().logs("s", "text")).isEqualTo(new CommandLogs("one\nthree\n", "two\n", "one\ntwo\nthree\n"));
        wm.verify(getRequestedFor(urlEqualTo("/toolbox/sbx-1/process/session/s/command/json/logs")).withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void sessionCommandsAreListedOldestFirstAndAMissingSessionHasNone() {
        wm.stubFor(get("/toolbox/sbx-1/process/session/build").willReturn(okJson("{\"sessionId\":\"build\",\"commands\":["
                + "{\"id\":\"c-1\",\"command\":\"npm install\",\"exitCode\":0},{\"id\":\"c-2\",\"command\":\"npm run build\"}]}")));
        wm.stubFor(get("/toolbox/sbx-1/process/session/none").willReturn(aResponse().withStatus(404)));

        assertThat(toolbox().sessionCommands("build")).extracting(SessionCommand::id, SessionCommand::isRunning)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c-1", false), org.assertj.core.groups.Tuple.tuple("c-2", true));
        assertThat(toolbox().sessionCommands("none")).isEmpty();
    }

    @Test
    void execResponseWithoutCommandIdIsAnInvalidResponse() {
        wm.stubFor(post("/toolbox/sbx-1/process/session/build/exec").willReturn(okJson("{}")));

        assertThatThrownBy(() -> toolbox().executeAsync("build", "ls"))
                .hasMessage("Daytona answered HTTP 200 for /toolbox/sbx-1/process/session/build/exec (invalid_response): the response has no 'cmdId'");
    }
}
