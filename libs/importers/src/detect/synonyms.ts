import type { ResponsibilityField } from '@rolemap/domain';
import type { ManagerReferenceKind, PeopleMappingTarget } from '../types';

/**
 * Headers real HRIS exports use, per target, best first. When two columns match the same
 * field the one whose synonym comes first wins (e.g. UK organograms have both "Unit" and
 * "Organisation"; the unit is the department). Written as exported; compared normalised.
 *
 * Sources: Workday, BambooHR, Visio org chart wizard, d3-org-chart, UK government
 * organograms, Northwind, Oracle HR sample schema, IBM HR attrition, AdventureWorks.
 */
export const PEOPLE_SYNONYMS: Record<PeopleMappingTarget, readonly string[]> = {
  employee_id: [
    'Employee ID', 'Employee_ID', 'EmployeeID', 'Employee Number', 'EmployeeNumber', 'Employee #', 'Employee No',
    'EEID', 'Emp ID', 'Emp No', 'Worker ID', 'Personnel Number', 'Person ID', 'Person Number', 'Staff ID',
    'Staff Number', 'Associate ID', 'Payroll Number', 'Employee Code', 'Employee Key', 'EmployeeKey',
    'BusinessEntityID', 'Post Unique Reference', 'Post ID', 'Position ID', 'User ID', 'ID', 'Unique ID', 'Key',
  ],
  name: [
    'Name', 'Full Name', 'Employee Name', 'Display Name', 'Preferred Name', 'Legal Name', 'Worker', 'Worker Name',
    'Person Name', 'Staff Name', 'Associate Name', 'Employee', 'Person', 'Holder', 'Post Holder',
  ],
  first_name: ['First Name', 'FirstName', 'Given Name', 'Forename', 'Legal First Name', 'Preferred First Name', 'FName'],
  last_name: ['Last Name', 'LastName', 'Surname', 'Family Name', 'Legal Last Name', 'LName'],
  title: [
    'Job Title', 'Title', 'Business Title', 'Position Title', 'Position Name', 'positionName', 'Position', 'Job Role',
    'JobRole', 'Role', 'Job Profile', 'Designation', 'Job Name', 'Job', 'Post Title', 'Post',
  ],
  manager_id: [
    'Manager ID', 'Manager_ID', 'Manager Employee ID', 'Manager Employee Number', 'Manager Number', 'Supervisor ID',
    'Supervisor Employee ID', 'Line Manager ID', 'Reports To ID', 'Reports To', 'reportsTo', 'Reporting To',
    'Reports to Senior Post', 'Reporting Senior Post', 'Parent ID', 'parentId', 'Parent', 'Parent Employee Key',
    'ParentEmployeeKey', 'Manager', 'Line Manager', 'Supervisor', 'Direct Manager', 'Boss', 'Boss ID', 'pid',
  ],
  manager_email: ['Manager Email', 'Manager E-mail', 'Supervisor Email', 'Line Manager Email', 'Reports To Email'],
  manager_name: ['Manager Name', 'Supervisor Name', 'Line Manager Name', 'Reports To Name', 'Reporting To Name'],
  department: [
    'Department', 'Department Name', 'department_name', 'Dept', 'Dept Name', 'Unit', 'Team', 'Supervisory Organization',
    'Supervisory Organisation', 'Division', 'Business Unit', 'Org Unit', 'Organizational Unit', 'Area',
    'Cost Center', 'Cost Centre', 'Organization', 'Organisation', 'Function',
  ],
  location: [
    'Location', 'Work Location', 'Location Name', 'Office', 'Office Location', 'Site', 'Work Site', 'Branch',
    'City', 'location_state', 'State', 'Country',
  ],
  email: [
    'Email', 'Work Email', 'E-mail', 'Email Address', 'Work Email Address', 'Business Email', 'Primary Work Email',
    'Contact E-mail', 'Contact Email', 'Mail',
  ],
  hire_date: [
    'Hire Date', 'Hire_Date', 'HireDate', 'Date of Hire', 'Original Hire Date', 'Start Date', 'Join Date',
    'Joining Date', 'Date Joined', 'Employment Start Date', 'Continuous Service Date', 'Seniority Date', 'DOJ',
  ],
  role_start_date: [
    'Position Start Date', 'Role Start Date', 'Job Start Date', 'Date in Position', 'Current Role Start Date',
    'Position Effective Date', 'Title Start Date', 'Time in Position Start Date',
  ],
  previous_title: [
    'Previous Job Title', 'Previous Title', 'Prior Job Title', 'Prior Title', 'Former Title', 'Previous Position',
    'Previous Role', 'Previous Job Profile',
  ],
  last_promotion_date: ['Last Promotion Date', 'Date of Last Promotion', 'Promotion Date', 'Last Promoted', 'Last Promotion'],
  performance_rating: [
    'Performance Rating', 'PerformanceRating', 'Rating', 'Performance', 'Perf Rating', 'Last Performance Rating',
    'Performance Score', 'Review Rating', 'Appraisal Rating', 'Overall Rating',
  ],
  fte: ['FTE', 'Full Time Equivalent', 'FTE %', 'FTE Ratio', 'Number of Posts in FTE'],
  years_in_current_role: [
    'Years in Current Role', 'YearsInCurrentRole', 'Years in Role', 'Years in Position', 'Time in Position',
    'Time in Role', 'Time in Job Profile', 'Tenure in Role',
  ],
  years_since_last_promotion: ['Years Since Last Promotion', 'YearsSinceLastPromotion', 'Years Since Promotion', 'Time Since Last Promotion'],
  years_at_company: ['Years at Company', 'YearsAtCompany', 'Years of Service', 'Length of Service', 'Tenure'],
  standard_hours: ['Standard Hours', 'StandardHours', 'Scheduled Weekly Hours', 'Scheduled Hours', 'Weekly Hours', 'Contracted Hours'],
};

export const RESPONSIBILITY_SYNONYMS: Record<ResponsibilityField, readonly string[]> = {
  employee_id: PEOPLE_SYNONYMS.employee_id,
  responsibility: [
    'Responsibility', 'Responsibilities', 'Responsibility Name', 'Responsibility Title', 'Task', 'Duty', 'Activity',
    'Accountability', 'Task Name',
  ],
  description: ['Description', 'Responsibility Description', 'Task Description', 'Details', 'Notes', 'Comment'],
  value_level: ['Value Level', 'ValueLevel', 'Level', 'Value Level Rank', 'Work Level'],
  share: [
    'Share', 'Share %', 'Share Pct', 'Share Percent', '% of Time', 'Percent of Time', 'Time %', 'Time Share', 'Percent',
    'Percentage', 'Allocation', 'Time Allocation', 'Effort', 'Time',
  ],
  since: ['Since', 'Held Since', 'Responsible Since', 'Start Date', 'From', 'Date From', 'Effective Date'],
};

/** A manager column header that says what it holds; values still decide. */
export const MANAGER_REFERENCE_HINTS: Partial<Record<PeopleMappingTarget, ManagerReferenceKind>> = {
  manager_id: 'employee_id',
  manager_email: 'email',
  manager_name: 'name',
};

/** Word-level abbreviations expanded before fuzzy comparison. */
export const ABBREVIATIONS: Record<string, string> = {
  emp: 'employee',
  ee: 'employee',
  empl: 'employee',
  mgr: 'manager',
  mngr: 'manager',
  sup: 'supervisor',
  supv: 'supervisor',
  supvr: 'supervisor',
  dept: 'department',
  dep: 'department',
  loc: 'location',
  pos: 'position',
  no: 'number',
  nbr: 'number',
  num: 'number',
  dt: 'date',
  perf: 'performance',
  pct: 'percent',
  yrs: 'years',
  yr: 'years',
  prev: 'previous',
  addr: 'address',
  mail: 'email',
  fname: 'firstname',
  lname: 'lastname',
  doh: 'hiredate',
};
