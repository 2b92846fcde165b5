package dev.sandboxorchestrator.nextjs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.Project;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original scripts of a converted page keep working after hydration, checked in a real Chromium against
 * {@code next start}: inline and local scripts in order, defer and module scripts, DOMContentLoaded and load
 * listeners, window.onload, on* attribute handlers calling global functions, timers and form validation.
 */
class ScriptBehaviourIT {
    @TempDir
    static Path dir;
    private static String dom;

    @BeforeAll
    static void buildAndLoadThePage() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("index.html", """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <title>Scripts</title>
                  <script src="js/defer.js" defer></script>
                  <script>var order = ['head-inline'];</script>
                </head>
                <body>
                  <button id="menu-button" onclick="toggleMenu()">Menu</button>
                  <nav id="menu" class="closed">Links</nav>
                  <form id="form" onsubmit="return validate(event)"><input id="email" value="not-an-email"><span id="error"></span></form>
                  <p id="timer">0</p>
                  <p id="order"></p>
                  <script>
                    function toggleMenu() { document.getElementById('menu').className = 'open'; }
                    function validate(event) {
                      var ok = document.getElementById('email').value.indexOf('@') > 0;
                      document.getElementById('error').textContent = ok ? '' : 'invalid email';
                      return ok;
                    }
                    order.push('body-inline');
                    document.addEventListener('DOMContentLoaded', function () {
                      order.push('dcl');
                      document.getElementById('menu-button').click();
                    });
                    window.addEventListener('load', function () {
                      order.push('load');
                      document.getElementById('form').requestSubmit();
                      document.getElementById('order').textContent = order.join(',');
                    });
                    window.onload = function () { document.body.setAttribute('data-onload', 'ran'); };
                    var ticks = 0;
                    var timer = setInterval(function () {
                      ticks++;
                      document.getElementById('timer').textContent = String(ticks);
                      if (ticks === 3) clearInterval(timer);
                    }, 100);
                  </script>
                  <script src="js/app.js"></script>
                  <script type="module">order.push('module'); document.body.setAttribute('data-module', 'ran');</script>
                </body>
                </html>
                """);
        files.put("js/app.js", "order.push('local-app');\n");
        files.put("js/defer.js", "order.push('deferred');\n");
        Project project = new NextJsProjectConverter().convert(GeneratedCode.of(files));
        NextBuilds.Run build = NextBuilds.writeAndBuild(project, dir);
        assertThat(build.ok()).as(build.tail(60)).isTrue();
        try (NextServer server = NextServer.start(dir)) {
            dom = server.dumpDom("/", Duration.ofSeconds(5));
        }
    }

    @Test
    void runsScriptsInBrowserOrderWithDeferAndModuleScriptsBeforeDomContentLoaded() {
        assertThat(dom).contains("<p id=\"order\">head-inline,body-inline,local-app,deferred,module,dcl,load</p>");
    }

    @Test
    void inlineHandlersCallGlobalFunctionsDeclaredByTheScripts() {
        assertThat(dom).contains("<nav id=\"menu\" class=\"open\">");
    }

    @Test
    void formValidationHandlerRunsAndPreventsSubmission() {
        assertThat(dom).contains("<span id=\"error\">invalid email</span>");
    }

    @Test
    void timersRunAfterHydration() {
        assertThat(dom).contains("<p id=\"timer\">3</p>");
    }

    @Test
    void windowOnloadAndModuleScriptsRun() {
        assertThat(dom).contains("data-onload=\"ran\"").contains("data-module=\"ran\"");
    }
}
