import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Blog",
};

export default function Page() {
  return (
    <>
      <nav>
        <Link href="/">Home</Link>
        {" "}
        <Link href="/blog/post">Post</Link>
      </nav>
    </>
  );
}
