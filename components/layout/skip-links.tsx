export function SkipLinks() {
  return (
    <div className="sr-only focus-within:not-sr-only focus-within:bg-surface focus-within:p-2">
      <a href="#contenu" className="text-france underline">
        Aller au contenu
      </a>
    </div>
  );
}
