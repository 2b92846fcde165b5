import type { Metadata } from "next";
import Link from "next/link";
import LegacyScripts from "@/app/_legacy/LegacyScripts";

export const metadata: Metadata = {
  title: "About",
};

export default function Page() {
  return (
    <>
      <h2 id="team">Team</h2>
      {" "}
      <p>
        {"Back "}
        <Link href="/">home</Link>
        .
      </p>
      <LegacyScripts page="/about" scripts={[]} />
    </>
  );
}
