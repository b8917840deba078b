/**
 * Layers only look down (README "Design"). Checked by tests/core/layers.test.ts and
 * `npm run layers`. Type-only imports count too (tsPreCompilationDeps).
 *
 *   core ◀─ nlp, lexicons, ingest ◀─ analyses ◀─ align ◀─ pipeline (+ parallel) ◀─ cli, commands
 *   core ◀─ report (pure views) ◀─ ui ◀─ cli, commands
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle: move what both sides need into a module below both',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-is-the-bottom',
      comment: 'src/core imports no other part of parallax',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'report-holds-pure-views',
      comment: 'src/report renders the typed Report: it imports only src/core (and itself)',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/', pathNot: '^src/(core|report)/' },
    },
    {
      name: 'producers-do-not-import-views',
      comment: 'the analyses, the alignment and the pipeline build the report; they never import its views',
      severity: 'error',
      from: { path: '^src/(nlp|lexicons|ingest|analyses|align|pipeline|parallel)/|^src/pipeline[.]ts$' },
      to: { path: '^src/(report|ui)/' },
    },
    {
      name: 'readers-look-down',
      comment: 'reading text and data (nlp, lexicons, ingest) does not know what analyses or aligns it',
      severity: 'error',
      from: { path: '^src/(nlp|lexicons|ingest)/' },
      to: { path: '^src/(analyses|align|pipeline|parallel|commands|corpus|eval|bench)/|^src/(pipeline|cli)[.]ts$' },
    },
    {
      name: 'analyses-and-align-look-down',
      comment: 'the analyses and the alignment do not know who runs them',
      severity: 'error',
      from: { path: '^src/(analyses|align)/' },
      to: { path: '^src/(pipeline|parallel|commands|corpus|eval|bench)/|^src/(pipeline|cli)[.]ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
