// Public API of the analysis layer.
export {};
