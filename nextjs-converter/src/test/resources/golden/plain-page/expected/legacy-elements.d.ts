// Generated: elements the converted HTML uses that React's JSX types do not declare.
import type { DetailedHTMLProps, HTMLAttributes } from "react";

type LegacyElementProps = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
  [attribute: string]: unknown;
};

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "my-widget": LegacyElementProps;
    }
  }
}
