package dev.sandboxorchestrator.nextjs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientDirectiveTest {
    @Test
    void addsUseClientToComponentsUsingHooksOrEventHandlers() {
        assertThat(ClientDirective.addIfNeeded("app/page.tsx", "import { useState } from 'react';\nexport default function P() { useState(0); }"))
                .startsWith("\"use client\";\n\n");
        assertThat(ClientDirective.addIfNeeded("components/B.tsx", "export const B = () => <button onClick={() => 1}>b</button>;"))
                .startsWith("\"use client\";");
    }

    @Test
    void leavesServerComponentsLayoutsMetadataExportsAndDeclaredFilesAlone() {
        assertThat(ClientDirective.addIfNeeded("app/page.tsx", "export default async function P() { return <p>{await f()}</p>; }")).isNull();
        assertThat(ClientDirective.addIfNeeded("app/layout.tsx", "export default function L() { useEffect(() => {}); }")).isNull();
        assertThat(ClientDirective.addIfNeeded("app/page.tsx", "export const metadata = {};\nexport default function P() { useState(); }")).isNull();
        assertThat(ClientDirective.addIfNeeded("app/page.tsx", "// note\n'use client';\nexport default function P() { useState(); }")).isNull();
        assertThat(ClientDirective.addIfNeeded("lib/util.ts", "export const x = useState;")).isNull();
        assertThat(ClientDirective.addIfNeeded("app/page.tsx", "const s = 'useState onClick';\nexport default function P() { return null; }")).isNull();
    }
}
