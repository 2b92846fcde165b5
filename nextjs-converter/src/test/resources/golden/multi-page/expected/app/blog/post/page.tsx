import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Post",
};

export default function Page() {
  return (
    <>
      <nav>
        <Link href="/">Home</Link>
      </nav>
      <article>
        <img src="/img/a.png" alt="A" />
      </article>
    </>
  );
}
