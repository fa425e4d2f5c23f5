// Stands in for react-devtools-core in the bundle (see scripts/bundle.mjs).
export default {connectToDevTools() {}};
