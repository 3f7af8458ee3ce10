import type { ReactNode } from "react";

/** A titled group of fields (the child, the mother, the father, the registration). */
export function DraftFieldGroup(props: { group: string; title: string; children: ReactNode }) {
  const titleId = `group-${props.group}-title`;
  return (
    <section className="card field-group" aria-labelledby={titleId} data-testid={`draft-group-${props.group}`}>
      <h2 id={titleId} className="card__title">
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
