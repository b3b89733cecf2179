module.exports = { displayName: 'server-surveys', preset: '../../../jest.preset.js', rootDir: __dirname };
