import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Home",
};

export default function Page() {
  return (
    <>
      <nav>
        <Link href="/blog/post">Post</Link>
        {" | "}
        <Link href="/blog">Blog</Link>
      </nav>
      <main>Welcome</main>
    </>
  );
}
