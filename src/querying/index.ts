// Public API of the querying layer.
export {};
