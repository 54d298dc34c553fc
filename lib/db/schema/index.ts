export * from "./applications";
export * from "./operations";
export * from "./reference";
export * from "./users";
export * from "./factors";
