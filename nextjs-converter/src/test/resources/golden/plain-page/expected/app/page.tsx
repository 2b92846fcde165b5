import type { CSSProperties } from "react";
import type { Metadata, Viewport } from "next";
import Link from "next/link";
import LegacyScripts, { type LegacyScript } from "@/app/_legacy/LegacyScripts";

export const metadata: Metadata = {
  title: "Plain & simple",
  description: "A plain page",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#336699",
};

const scripts: LegacyScript[] = [
  { code: "function toggle(){ document.getElementById('t').classList.toggle('on'); }" },
];

export default function Page() {
  return (
    <>
      <h1 id="t">
        {"Hello "}
        <b>big</b>
        {" "}
        <i>world</i>
        !
      </h1>
      {" "}
      <p>Don&apos;t &#123;panic&#125; &lt;ok&gt;&nbsp;a&amp;b © 2024</p>
      {" "}
      <pre>{"line 1\n  line 2"}</pre>
      {" "}
      <label htmlFor="x">Name</label>
      {" "}
      <input id="x" defaultValue="v" maxLength={10} tabIndex={1} readOnly autoComplete="off" />
      {" "}
      <input type="checkbox" defaultChecked disabled />
      {" "}
      <input type="submit" value="Send" />
      {" "}
      <table>
        <tbody>
          <tr>
            <td colSpan={2} style={{ backgroundColor: "red", "--x": "1", WebkitTransition: "none" } as CSSProperties}>cell</td>
          </tr>
        </tbody>
      </table>
      {" "}
      <button type="button" data-legacy-attrs={"{\"onclick\":\"toggle()\"}"}>Toggle</button>
      {" "}
      <Link href="/about#team">About</Link>
      {" "}
      <a href="#top">Top</a>
      {" "}
      <a href="#" data-legacy-attrs={"{\"href\":\"javascript:void(0)\"}"}>Nothing</a>
      {" "}
      <svg viewBox="0 0 10 10">
        <path strokeWidth="2" fillRule="evenodd" d="M0 0" />
        <use xlinkHref="#icon" />
      </svg>
      {" "}
      {/* a comment with * / inside */}
      {" "}
      <textarea rows={3} defaultValue={"hello"} />
      {" "}
      <select defaultValue={"b"}>
        <option>a</option>
        <option>b</option>
      </select>
      {" "}
      <div aria-level={2} {...({ "align": "center", "crossorigin": "", "aria-hidden": "" } as {})}>x</div>
      {" "}
      <img src="/img/logo.png" alt="Logo" width="40" />
      {" "}
      <my-widget foo="bar">custom</my-widget>
      <LegacyScripts page="/" scripts={scripts} />
    </>
  );
}
