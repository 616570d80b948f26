/**
 * How the libraries below the application layer name an option in a message: neutrally ('app-name')
 * unless the front end in this process says how its users write them (`--app-name` on the command
 * line, `input app-name` in the Action). Set once at start, like the secret sink (secrets.ts).
 */
let label: (name: string) => string = (name) => `'${name}'`;

export function nameOptionsAs(naming: (name: string) => string): void {
  label = naming;
}

/** The option as the user of this process writes it. */
export function option(name: string): string {
  return label(name);
}
