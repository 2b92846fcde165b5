package dev.sandboxorchestrator.examples.fidelity;

import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.Project;
import dev.sandboxorchestrator.core.RunPlan;
import dev.sandboxorchestrator.core.spi.ProjectConverter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A converter for calibrating the fidelity harness: the "app" is a dependency-free Node.js static server that
 * serves the page's files, optionally with {@code index.html} rewritten. Unchanged, it is a perfect conversion.
 */
final class StaticSiteConverter implements ProjectConverter {
    private static final String SERVER = """
            const http = require('http'), fs = require('fs'), path = require('path');
            const root = path.join(__dirname, 'site');
            const types = {'.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png',
              '.svg': 'image/svg+xml', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
              '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.json': 'application/json'};
            http.createServer((req, res) => {
              let file = path.join(root, decodeURIComponent(req.url.split('?')[0]));
              if (!file.startsWith(root)) { res.writeHead(404); return res.end(); }
              if (file.endsWith('/')) file += 'index.html';
              fs.readFile(file, (err, data) => {
                if (err) { res.writeHead(404); return res.end('Not found'); }
                res.writeHead(200, {'Content-Type': types[path.extname(file)] || 'application/octet-stream'});
                res.end(data);
              });
            }).listen(Number(process.env.PORT), process.env.HOST);
            """;

    private final UnaryOperator<String> rewriteIndex;

    StaticSiteConverter(UnaryOperator<String> rewriteIndex) {
        this.rewriteIndex = rewriteIndex;
    }

    @Override
    public Project convert(GeneratedCode code) {
        Map<String, FileContent> files = new LinkedHashMap<>();
        files.put("package.json", FileContent.text("{\"name\": \"static-site\", \"version\": \"1.0.0\", \"private\": true}\n"));
        files.put("server.js", FileContent.text(SERVER));
        code.files().forEach((path, content) -> files.put("site/" + path,
                path.equals("index.html") ? FileContent.text(rewriteIndex.apply(content.asString())) : content));
        RunPlan plan = new RunPlan(Command.of("npm", "install", "--no-audit", "--no-fund"), Command.of("node", "-e", "0"),
                Command.of("node", "server.js"), 3000, "/", List.of("package.json"));
        return new Project(files, plan, null);
    }
}
