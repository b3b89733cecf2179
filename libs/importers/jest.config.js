module.exports = { displayName: 'importers', preset: '../../jest.preset.js', rootDir: __dirname };
