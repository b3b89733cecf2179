import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type { FileReportFieldsFragment } from '../../../gql/graphql';
import { mappingRows, toColumnMap, type Overrides } from '../utils/mapping';
import { MappingEditor } from './MappingEditor';

const report: FileReportFieldsFragment = {
  fileName: 'people.csv',
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ',',
  hasHeader: true,
  rowCount: 3,
  managerReference: 'employee_id',
  unmappedHeaders: ['Boss Ref'],
  mapping: [
    { field: 'employee_id', header: 'Emp #', headers: ['Emp #'], method: 'synonym', note: '"Emp #" is a known header' },
    { field: 'name', header: 'First + Last', headers: ['First', 'Last'], method: 'derived', note: 'combined' },
    { field: 'department', header: 'Team', headers: ['Team'], method: 'fuzzy', note: 'looks like department' },
  ],
};

function Harness({ onMap }: { onMap: (map: ReturnType<typeof toColumnMap>) => void }) {
  const rows = mappingRows(report);
  const [overrides, setOverrides] = useState<Overrides>({});
  onMap(toColumnMap(rows, overrides));
  return (
    <MappingEditor
      kind="people"
      fileName={report.fileName}
      rows={rows}
      overrides={overrides}
      onChange={(header, field) => setOverrides((current) => ({ ...current, [header]: field }))}
    />
  );
}

describe('MappingEditor', () => {
  it('shows each column with the field it was mapped to and how', () => {
    render(<Harness onMap={() => undefined} />);
    expect(screen.getByRole('combobox', { name: 'Emp #' })).toHaveValue('employee_id');
    expect(screen.getByRole('combobox', { name: 'Team' })).toHaveValue('department');
    const unmapped = screen.getByRole('row', { name: /Boss Ref/ });
    expect(within(unmapped).getByRole('combobox')).toHaveValue('');
    expect(within(unmapped).getByText('Not recognised')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /Emp #/ })).getByText('Known header')).toBeInTheDocument();
  });

  it('keeps combined columns fixed', () => {
    render(<Harness onMap={() => undefined} />);
    expect(screen.getByRole('combobox', { name: 'First + Last' })).toBeDisabled();
  });

  it('turns the user’s choices into the peopleMap the API takes, only where they differ', () => {
    const onMap = jest.fn();
    render(<Harness onMap={onMap} />);
    expect(onMap).toHaveBeenLastCalledWith([]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Boss Ref' }), { target: { value: 'manager_id' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Team' }), { target: { value: '' } });
    expect(onMap).toHaveBeenLastCalledWith([
      { header: 'Boss Ref', field: 'manager_id' },
      { header: 'Team', field: 'ignore' },
    ]);
    expect(within(screen.getByRole('row', { name: /Boss Ref/ })).getByText('Changed by you')).toBeInTheDocument();

    // Back to what was detected: no longer marked, and the explicit choice is harmless to send.
    fireEvent.change(screen.getByRole('combobox', { name: 'Team' }), { target: { value: 'department' } });
    expect(onMap).toHaveBeenLastCalledWith([
      { header: 'Boss Ref', field: 'manager_id' },
      { header: 'Team', field: 'department' },
    ]);
    expect(within(screen.getByRole('row', { name: /Team/ })).queryByText('Changed by you')).not.toBeInTheDocument();
    // Choosing "Not used" for a column nothing was detected in sends nothing.
    fireEvent.change(screen.getByRole('combobox', { name: 'Boss Ref' }), { target: { value: '' } });
    expect(onMap).toHaveBeenLastCalledWith([{ header: 'Team', field: 'department' }]);
  });

  it('warns when one field is chosen for two columns', () => {
    render(<Harness onMap={() => undefined} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    fireEvent.change(screen.getByRole('combobox', { name: 'Boss Ref' }), { target: { value: 'employee_id' } });
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent('Employee id is chosen for more than one column.');
  });
});
