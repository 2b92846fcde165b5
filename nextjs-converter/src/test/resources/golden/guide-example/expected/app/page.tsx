"use client";

import { useState } from "react";
import clsx from "clsx";
import { Sparkles } from "lucide-react";

export default function Home() {
  const [on, setOn] = useState(false);
  return (
    <main className="flex min-h-screen items-center justify-center">
      <h1 className={clsx("text-4xl font-bold", on && "text-blue-600")} onClick={() => setOn(!on)}>
        <Sparkles /> Hello from the sandbox
      </h1>
    </main>
  );
}
